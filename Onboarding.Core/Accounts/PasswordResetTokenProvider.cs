using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace Onboarding.Core.Accounts;

/// <summary>
/// Password-reset tokens that live one hour by the injected clock. Identity's DataProtectorTokenProvider reads
/// the system clock, which the tests cannot move. Like it, a token names the user, its purpose and the user's
/// security stamp, so it dies as soon as it is used (a reset changes the stamp), and at sign-out or a lock.
/// </summary>
public sealed class PasswordResetTokenProvider(IDataProtectionProvider protection, TimeProvider clock) : IUserTwoFactorTokenProvider<AppUser>
{
    public const string Name = "OnboardingPasswordReset";
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    private readonly IDataProtector protector = protection.CreateProtector("Onboarding.PasswordReset.v1");

    public async Task<string> GenerateAsync(string purpose, UserManager<AppUser> manager, AppUser user)
    {
        var expires = (clock.GetUtcNow() + Lifetime).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        var stamp = await manager.GetSecurityStampAsync(user);
        var payload = string.Join('\n', expires, user.Id, purpose, stamp);
        return WebEncoders.Base64UrlEncode(protector.Protect(Encoding.UTF8.GetBytes(payload)));
    }

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<AppUser> manager, AppUser user)
    {
        string[] parts;
        try
        {
            parts = Encoding.UTF8.GetString(protector.Unprotect(WebEncoders.Base64UrlDecode(token))).Split('\n');
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return false;
        }
        return parts.Length == 4
            && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
            && clock.GetUtcNow() < DateTimeOffset.FromUnixTimeMilliseconds(expires)
            && parts[1] == user.Id
            && parts[2] == purpose
            && parts[3] == await manager.GetSecurityStampAsync(user);
    }

    /// <summary>Not a second factor: only for links mailed to the account's own address.</summary>
    public Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<AppUser> manager, AppUser user) => Task.FromResult(false);
}
