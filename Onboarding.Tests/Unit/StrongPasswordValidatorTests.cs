using Microsoft.AspNetCore.Identity;
using Onboarding.Core.Accounts;
using Onboarding.Tests.Support;

namespace Onboarding.Tests.Unit;

/// <summary>Security review, item 10: long is not enough; a password must be hard to guess, and a refusal says why.</summary>
public class StrongPasswordValidatorTests
{
    private static readonly AppUser Priya = new() { DisplayName = "Priya Patel", Email = "priya.patel@acme.example", UserName = "priya.patel@acme.example" };

    [Theory]
    [InlineData("aaaaaaaaaaaa", "Repeats like \"aaa\" or \"abcabc\" are easy to guess.")]
    [InlineData("abcdefghijklmn", "Sequences like \"abc\" or \"6543\" are easy to guess.")]
    [InlineData("password1234", "It is built on one of the 100 most common passwords.")]
    [InlineData("jennifer-jennifer", "Names and surnames are easy to guess.")]
    [InlineData("Priya-Patel-Acme", "It is built from your own name or email address.")]
    public async Task A_guessable_password_is_refused_with_the_reason(string password, string reason)
    {
        var result = await ValidateAsync(password);

        var error = Assert.Single(result.Errors);
        Assert.Equal("PasswordTooGuessable", error.Code);
        Assert.StartsWith("This password is too easy to guess (it could be cracked in ", error.Description);
        Assert.Contains(reason, error.Description);
        Assert.DoesNotContain(password, error.Description);
    }

    [Theory]
    [InlineData(OnboardingFactory.DemoPassword)]
    [InlineData("orchard velvet cactus")]
    [InlineData("change-me-before-use")]
    public async Task Unrelated_words_pass(string password) => Assert.True((await ValidateAsync(password)).Succeeded);

    [Fact]
    public async Task The_passwords_the_seed_commands_generate_pass()
    {
        for (var i = 0; i < 50; i++)
        {
            var password = Secrets.NewPassword();
            Assert.True((await ValidateAsync(password)).Succeeded, password);
        }
    }

    private static Task<IdentityResult> ValidateAsync(string password) => new StrongPasswordValidator().ValidateAsync(null!, Priya, password);
}
