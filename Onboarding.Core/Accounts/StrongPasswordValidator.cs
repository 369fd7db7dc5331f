using Microsoft.AspNetCore.Identity;
using Zxcvbn.Matcher;

namespace Onboarding.Core.Accounts;

/// <summary>
/// Refuses passwords that are easy to guess, whatever their length (<c>aaaaaaaaaaaa</c> has twelve characters),
/// using zxcvbn's estimate with the person's own name and address counted as known words. The message says why,
/// from the weakest part zxcvbn found, because "too weak" alone teaches nothing.
/// </summary>
/// <remarks>
/// zxcvbn-core 1.1.17 scores 0–4 from the estimated time to crack (3: at least about 12 days offline, 4: years)
/// but, unlike later ports, gives no feedback text; <see cref="Reason"/> writes it from the pattern matched.
/// </remarks>
public sealed class StrongPasswordValidator : IPasswordValidator<AppUser>
{
    public const int MinimumScore = 3;

    // Building the dictionaries costs about 100 ms, so one estimator serves every request; it keeps no state per call.
    private static readonly Lazy<Zxcvbn.Zxcvbn> Estimator = new(() => new Zxcvbn.Zxcvbn());

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            // The length rule already says this one.
            return Task.FromResult(IdentityResult.Success);
        }
        var result = Estimator.Value.EvaluatePassword(password, UserInputs(user));
        return Task.FromResult(result.Score >= MinimumScore
            ? IdentityResult.Success
            : IdentityResult.Failed(new IdentityError { Code = "PasswordTooGuessable", Description = Reason(result) }));
    }

    /// <summary>The words of the person's name and address, which an attacker knows first.</summary>
    public static IReadOnlyList<string> UserInputs(AppUser user)
    {
        var inputs = new List<string>();
        void Add(string? text, params char[] separators)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return;
            }
            inputs.Add(text.ToLowerInvariant());
            inputs.AddRange(text.ToLowerInvariant().Split(separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(w => w.Length >= 3));
        }
        Add(user.Email, '@', '.', '_', '-', '+');
        Add(user.DisplayName, ' ', '-', '\'', '.');
        return inputs.Distinct().ToList();
    }

    private static string Reason(Zxcvbn.Result result)
    {
        var weakest = result.MatchSequence.Where(m => m.Pattern != "bruteforce").OrderByDescending(m => m.Token.Length).FirstOrDefault();
        // The examples are zxcvbn's own, never part of the password: a refused password is not echoed into the page.
        var why = weakest switch
        {
            DictionaryMatch { DictionaryName: "user_inputs" } => "It is built from your own name or email address.",
            DictionaryMatch { DictionaryName: "passwords", Rank: <= 100 } => "It is built on one of the 100 most common passwords.",
            DictionaryMatch { DictionaryName: "passwords" } => "It is built on a commonly used password.",
            DictionaryMatch { DictionaryName: "male_names" or "female_names" or "surnames" } => "Names and surnames are easy to guess.",
            DictionaryMatch => "A few common words alone are easy to guess.",
            RepeatMatch => "Repeats like \"aaa\" or \"abcabc\" are easy to guess.",
            SequenceMatch => "Sequences like \"abc\" or \"6543\" are easy to guess.",
            SpatialMatch => "Rows and patterns of keys like \"qwerty\" are easy to guess.",
            DateMatch or { Pattern: "date" } => "Dates and years are easy to guess.",
            _ => "It is short for the kinds of characters it uses.",
        };
        return $"This password is too easy to guess (it could be cracked in {result.CrackTimeDisplay}). {why} Add another word or two that do not belong together, or use a password manager's suggestion.";
    }
}
