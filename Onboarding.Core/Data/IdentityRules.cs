using Microsoft.AspNetCore.Identity;
using Onboarding.Core.Accounts;

namespace Onboarding.Core.Data;

public static class IdentityRules
{
    /// <summary>The one place sign-in rules live, shared by the web app and the seeding commands.</summary>
    public static void Apply(IdentityOptions options)
    {
        options.User.RequireUniqueEmail = true;
        options.Password.RequiredLength = 12;
        options.Password.RequireNonAlphanumeric = false;
        options.Password.RequireUppercase = false;
        options.Password.RequireLowercase = false;
        options.Password.RequireDigit = false;
        options.Lockout.AllowedForNewUsers = true;
        options.Lockout.MaxFailedAccessAttempts = 5;
        options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        options.SignIn.RequireConfirmedAccount = false;
        // Reset links live an hour by the injected clock (registered in <see cref="AddRules"/>).
        options.Tokens.PasswordResetTokenProvider = PasswordResetTokenProvider.Name;
    }

    /// <summary>
    /// The rules that are services rather than options: passwords must be hard to guess (zxcvbn), not only long,
    /// for every way a password is set (invitation, reset, the seeding commands); and the reset-link provider.
    /// </summary>
    public static IdentityBuilder AddRules(this IdentityBuilder identity) => identity
        .AddPasswordValidator<StrongPasswordValidator>()
        .AddTokenProvider<PasswordResetTokenProvider>(PasswordResetTokenProvider.Name);
}
