using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Onboarding.Core.Accounts;
using Onboarding.Core.Data;
using Onboarding.Web.Infrastructure;

namespace Onboarding.Web.Features.Account;

public sealed class AccountController(
    SignInManager<AppUser> signIn,
    UserManager<AppUser> users,
    IPasswordHasher<AppUser> hasher,
    PlaceholderPasswordHash placeholder,
    AccountAttempts attempts,
    OnboardingDbContext db,
    TimeProvider clock) : Controller
{
    /// <summary>The one answer to every refused sign-in: it says nothing about whether the account exists or is locked.</summary>
    public const string Mismatch = "That email and password do not match an account.";

    [AllowAnonymous]
    [HttpGet("/sign-in")]
    public IActionResult SignIn(string? returnUrl) => View(new SignInForm { ReturnUrl = returnUrl });

    [AllowAnonymous]
    [HttpPost("/sign-in")]
    [EnableRateLimiting(AttemptLimits.Policy)]
    public async Task<IActionResult> SignIn(SignInForm form)
    {
        if (!ModelState.IsValid)
        {
            return View(form);
        }
        if (attempts.SignIn(form.Email) is { } wait)
        {
            return this.TooManyAttempts(wait);
        }

        var user = await users.FindByNameAsync(AccountRules.NormaliseEmail(form.Email));
        // Identity answers at once, without hashing, for an unknown address, an account without a password and a
        // locked one: the time taken would tell which addresses have accounts. Each of these costs one hash too.
        if (user is null || user.PasswordHash is null || user.IsLockedAt(clock.GetUtcNow()))
        {
            placeholder.Verify(hasher, form.Password);
            ModelState.AddModelError("", Mismatch);
            return View(form);
        }

        var result = await signIn.PasswordSignInAsync(user, form.Password, form.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(form.ReturnUrl) ? form.ReturnUrl : "/");
        }
        ModelState.AddModelError("", Mismatch);
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
        return invitation is null ? View("InvitationUnusable") : View(new NewPasswordForm { Email = invitation.Email });
    }

    [AllowAnonymous]
    [HttpPost("/invitations/{token}")]
    [EnableRateLimiting(AttemptLimits.Policy)]
    public async Task<IActionResult> Accept(string token, NewPasswordForm form)
    {
        var invitation = await FindUsableInvitationAsync(token);
        if (invitation?.User is not { } user)
        {
            return View("InvitationUnusable");
        }
        form.Email = invitation.Email;
        if (!ModelState.IsValid)
        {
            return View(form);
        }

        // Adds a first password; Identity refuses if the account has one, and its concurrency stamp refuses
        // the second of two simultaneous posts of one link.
        var result = await users.AddPasswordAsync(user, form.Password);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(nameof(form.Password), error.Description);
            }
            return View(form);
        }

        var now = clock.GetUtcNow();
        invitation.UsedAt = now;
        user.EmailConfirmed = true;
        await db.SaveChangesAsync();
        // Any other link still open for this account dies with this one.
        await db.Invitations.Where(i => i.UserId == user.Id && i.UsedAt == null && i.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.ExpiresAt, now));
        await signIn.SignInAsync(user, isPersistent: false);
        return Redirect(invitation.EngagementId is { } id ? $"/engagements/{id}" : "/");
    }

    /// <summary>
    /// An invitation that can still be used: not used, not expired or replaced, and for an account that has never
    /// had a password and is not locked. A link never touches an account someone signs in to.
    /// </summary>
    private async Task<Invitation?> FindUsableInvitationAsync(string token)
    {
        var hash = Secrets.Hash(token);
        var invitation = await db.Invitations.Include(i => i.User).FirstOrDefaultAsync(i => i.TokenHash == hash);
        var now = clock.GetUtcNow();
        return invitation is { User: { PasswordHash: null } user } && invitation.IsUsable(now) && !user.IsLockedAt(now) ? invitation : null;
    }
}

/// <summary>
/// A hash of nobody's password, made once with the configured cost, so that checking a password against it
/// takes as long as checking it against a real account's.
/// </summary>
public sealed class PlaceholderPasswordHash(Microsoft.Extensions.Options.IOptions<PasswordHasherOptions> options)
{
    private static readonly AppUser Nobody = new() { DisplayName = "" };
    private readonly Lazy<string> hash = new(() => new PasswordHasher<AppUser>(options).HashPassword(Nobody, Secrets.NewToken()));

    public void Verify(IPasswordHasher<AppUser> hasher, string password) => hasher.VerifyHashedPassword(Nobody, hash.Value, password);
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

/// <summary>A new password, typed twice: for an invitation and for a reset. Identity's rules judge its strength.</summary>
public sealed class NewPasswordForm
{
    /// <summary>Shown, and offered to password managers; never bound from the form.</summary>
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
