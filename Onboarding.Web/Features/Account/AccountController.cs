using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Onboarding.Core.Accounts;
using Onboarding.Core.Data;

namespace Onboarding.Web.Features.Account;

public sealed class AccountController(
    SignInManager<AppUser> signIn,
    UserManager<AppUser> users,
    OnboardingDbContext db,
    TimeProvider clock) : Controller
{
    [AllowAnonymous]
    [HttpGet("/sign-in")]
    public IActionResult SignIn(string? returnUrl) => View(new SignInForm { ReturnUrl = returnUrl });

    [AllowAnonymous]
    [HttpPost("/sign-in")]
    public async Task<IActionResult> SignIn(SignInForm form)
    {
        if (!ModelState.IsValid)
        {
            return View(form);
        }

        var result = await signIn.PasswordSignInAsync(form.Email.Trim(), form.Password, form.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(form.ReturnUrl) ? form.ReturnUrl : "/");
        }

        ModelState.AddModelError("", result.IsLockedOut
            ? "This account is locked: after too many failed attempts, for 15 minutes; otherwise until an administrator unlocks it."
            : "That email and password do not match an account.");
        return View(form);
    }

    /// <summary>
    /// A new security stamp makes every cookie issued before it worthless at once (checked on each request), so a
    /// copied cookie dies with the session. It ends the person's sessions on their other devices too.
    /// </summary>
    [HttpPost("/sign-out")]
    public async Task<IActionResult> SignOutNow()
    {
        if (await users.GetUserAsync(User) is { } user)
        {
            await users.UpdateSecurityStampAsync(user);
        }
        await signIn.SignOutAsync();
        return Redirect("/sign-in");
    }

    [AllowAnonymous]
    [HttpGet("/invitations/{token}")]
    public async Task<IActionResult> Accept(string token)
    {
        var invitation = await FindUsableInvitationAsync(token);
        return invitation is null ? View("InvitationUnusable") : View(new AcceptInvitationForm { Email = invitation.Email });
    }

    [AllowAnonymous]
    [HttpPost("/invitations/{token}")]
    public async Task<IActionResult> Accept(string token, AcceptInvitationForm form)
    {
        var invitation = await FindUsableInvitationAsync(token);
        if (invitation is null)
        {
            return View("InvitationUnusable");
        }
        form.Email = invitation.Email;
        if (!ModelState.IsValid)
        {
            return View(form);
        }

        var user = await users.FindByIdAsync(invitation.UserId);
        if (user is null)
        {
            return View("InvitationUnusable");
        }

        var result = await users.HasPasswordAsync(user)
            ? await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), form.Password)
            : await users.AddPasswordAsync(user, form.Password);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(nameof(form.Password), error.Description);
            }
            return View(form);
        }

        invitation.UsedAt = clock.GetUtcNow();
        user.EmailConfirmed = true;
        await users.UpdateAsync(user);
        await db.SaveChangesAsync();
        await signIn.SignInAsync(user, isPersistent: false);
        return Redirect(invitation.EngagementId is { } id ? $"/engagements/{id}" : "/");
    }

    private async Task<Invitation?> FindUsableInvitationAsync(string token)
    {
        var hash = Secrets.Hash(token);
        var invitation = await db.Invitations.FirstOrDefaultAsync(i => i.TokenHash == hash);
        return invitation is not null && invitation.IsUsable(clock.GetUtcNow()) ? invitation : null;
    }
}

public sealed class SignInForm
{
    [Required(ErrorMessage = "Enter your email address.")]
    [EmailAddress(ErrorMessage = "Enter an email address like name@example.com.")]
    [Display(Name = "Email")]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "Enter your password.")]
    [DataType(DataType.Password)]
    [Display(Name = "Password")]
    public string Password { get; set; } = "";

    [Display(Name = "Keep me signed in on this device")]
    public bool RememberMe { get; set; }

    public string? ReturnUrl { get; set; }
}

public sealed class AcceptInvitationForm
{
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "Choose a password.")]
    [StringLength(200, MinimumLength = 12, ErrorMessage = "Use at least 12 characters; a few unrelated words make a strong one.")]
    [DataType(DataType.Password)]
    [Display(Name = "New password")]
    public string Password { get; set; } = "";

    [Required(ErrorMessage = "Type the password again.")]
    [Compare(nameof(Password), ErrorMessage = "The two passwords differ.")]
    [DataType(DataType.Password)]
    [Display(Name = "Confirm password")]
    public string ConfirmPassword { get; set; } = "";
}
