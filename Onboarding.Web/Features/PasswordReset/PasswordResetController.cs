using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Onboarding.Core.Accounts;
using Onboarding.Core.Data;
using Onboarding.Core.Links;
using Onboarding.Core.People;
using Onboarding.Web.Features.Account;
using Onboarding.Web.Infrastructure;

namespace Onboarding.Web.Features.PasswordReset;

/// <summary>
/// "Forgot your password?": the only way to replace a password without knowing it. The link goes to the account's
/// own stored address and nowhere else (no page shows it), works for an hour and once, and the page that asks for
/// it answers the same whether or not the address has an account.
/// </summary>
[AllowAnonymous]
public sealed class PasswordResetController(
    UserManager<AppUser> users,
    OnboardingDbContext db,
    AccountAttempts attempts,
    AccountMailer mailer,
    AppLinks links,
    TimeProvider clock,
    ILogger<PasswordResetController> logger) : Controller
{
    [HttpGet("/forgot-password")]
    public IActionResult ForgotPassword() => View(new ForgotPasswordForm());

    [HttpPost("/forgot-password")]
    [EnableRateLimiting(AttemptLimits.Policy)]
    public async Task<IActionResult> ForgotPassword(ForgotPasswordForm form)
    {
        if (!ModelState.IsValid)
        {
            return View(form);
        }
        if (attempts.ResetMail(form.Email) is { } wait)
        {
            return this.TooManyAttempts(wait);
        }

        var user = await users.FindByEmailAsync(AccountRules.NormaliseEmail(form.Email));
        if (user?.Email is { } address)
        {
            var zone = await db.People.Where(p => p.UserId == user.Id).Select(p => p.TimeZone).FirstOrDefaultAsync() ?? PersonDirectory.DefaultTimeZone;
            var token = await users.GeneratePasswordResetTokenAsync(user);
            var mail = AccountMails.PasswordReset(new PasswordResetLetter(
                user.DisplayName, address, zone, links.PasswordReset(user.Id, token), clock.GetUtcNow() + PasswordResetTokenProvider.Lifetime, links.ForgotPassword()));
            // Sent after the answer has gone, so that an address with an account is not answered more slowly.
            Response.OnCompleted(async () =>
            {
                if (await mailer.TrySendAsync(mail, CancellationToken.None) is { } error)
                {
                    logger.LogWarning("Password reset link for user {UserId} not sent: {Error}", user.Id, error);
                }
            });
        }
        return View("ForgotPasswordSent", AccountRules.NormaliseEmail(form.Email));
    }

    [HttpGet("/password-reset/{userId}/{token}")]
    public async Task<IActionResult> Reset(string userId, string token)
    {
        var user = await FindWithValidTokenAsync(userId, token);
        return user is null ? View("ResetLinkUnusable") : View("ResetPassword", new NewPasswordForm { Email = user.Email ?? "" });
    }

    /// <summary>
    /// Sets the new password (the same rules as everywhere) and a new security stamp, which ends every session and
    /// kills the link. It does not sign in and does not unlock: a locked account stays locked.
    /// </summary>
    [HttpPost("/password-reset/{userId}/{token}")]
    [EnableRateLimiting(AttemptLimits.Policy)]
    public async Task<IActionResult> Reset(string userId, string token, NewPasswordForm form)
    {
        var user = await FindWithValidTokenAsync(userId, token);
        if (user is null)
        {
            return View("ResetLinkUnusable");
        }
        form.Email = user.Email ?? "";
        if (!ModelState.IsValid)
        {
            return View("ResetPassword", form);
        }

        var result = await users.ResetPasswordAsync(user, token, form.Password);
        if (!result.Succeeded)
        {
            if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken)))
            {
                return View("ResetLinkUnusable");
            }
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(nameof(form.Password), error.Description);
            }
            return View("ResetPassword", form);
        }

        // Whoever holds the link reads this address's mail, so they may know the account is locked.
        TempData["Notice"] = user.IsLockedAt(clock.GetUtcNow())
            ? "Your password is changed, but your account is locked: an administrator has to unlock it before you can sign in."
            : "Your password is changed, and any other sessions are signed out. Sign in with your new password.";
        return Redirect("/sign-in");
    }

    private async Task<AppUser?> FindWithValidTokenAsync(string userId, string token)
    {
        var user = await users.FindByIdAsync(userId);
        return user is not null && await users.VerifyUserTokenAsync(user, users.Options.Tokens.PasswordResetTokenProvider, UserManager<AppUser>.ResetPasswordTokenPurpose, token)
            ? user
            : null;
    }
}

public sealed class ForgotPasswordForm
{
    [Required(ErrorMessage = "Enter your email address.")]
    [EmailAddress(ErrorMessage = "Enter an email address like name@example.com.")]
    [StringLength(256)]
    [Display(Name = "Email")]
    public string Email { get; set; } = "";
}
