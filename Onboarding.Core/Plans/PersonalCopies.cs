using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Onboarding.Core.Data;

namespace Onboarding.Core.Plans;

/// <summary>
/// One holder of a per-person role, as a template application sees them: <see cref="Reference"/> is the owner
/// reference (an email address in the app), <see cref="Key"/> the stable person part of their copies' keys,
/// <see cref="Name"/> what <c>{person}</c> becomes.
/// </summary>
public sealed record PlanPerson(string Reference, string Key, string Name);

/// <summary>
/// The rules for a task copied per person. A copy's key is the plan key, <c>@</c> and the person key
/// (<c>first-time-buyer/commit-interview-slots@marta-example-com</c>); '@' appears in no template, instance or
/// task key, so the person part is unambiguous. A copy's title and what name the person: <c>{person}</c> becomes
/// their name, and a title without the placeholder gets " — Name" appended. The rule holds however many people
/// hold the role, one included, so a copy's title never changes when someone joins or leaves.
/// </summary>
public static partial class PersonalCopies
{
    public const string Placeholder = "{person}";
    public const char KeySeparator = '@';

    /// <summary>Person keys stay short enough that template, instance, task and person fit a task key.</summary>
    public const int MaxPersonKey = 60;

    public static string Key(string planKey, string personKey) => $"{planKey}{KeySeparator}{personKey}";

    /// <summary>The person part of a copy's key, or null for a task that is not a per-person copy.</summary>
    public static string? PersonKeyOf(string taskKey)
    {
        var at = taskKey.LastIndexOf(KeySeparator);
        return at < 0 ? null : taskKey[(at + 1)..];
    }

    /// <summary>
    /// The person key for an email address: lower-case letters and digits joined by '-', as recruiter instance keys are;
    /// a long address keeps its start and gains a short hash, so two long addresses never share a key.
    /// </summary>
    public static string PersonKeyFor(string email)
    {
        var key = NotKeyCharacters().Replace(email.Trim().ToLowerInvariant(), "-").Trim('-');
        if (key.Length <= MaxPersonKey)
        {
            return key;
        }
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(email.Trim().ToLowerInvariant())))[..8];
        return $"{key[..(MaxPersonKey - 9)].TrimEnd('-')}-{hash}";
    }

    public static string Title(string title, string name) =>
        TextLimits.Fit(title.Contains(Placeholder, StringComparison.Ordinal) ? title.Replace(Placeholder, name, StringComparison.Ordinal) : $"{title} — {name}", TextLimits.Title);

    /// <summary>Markdown with <c>{person}</c> replaced by the name, escaped so a name never turns into formatting.</summary>
    public static string Text(string markdown, string name) =>
        markdown.Replace(Placeholder, MarkdownSpecial().Replace(name, @"\$0"), StringComparison.Ordinal);

    /// <summary>What <c>{person}</c> reads as where nobody is named yet (a preview of the template itself).</summary>
    public static string Anyone(string roleName) => $"each {Onboarding.Core.Text.Words.InSentence(roleName)}";

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NotKeyCharacters();

    [GeneratedRegex(@"[\\`*_\[\]<>#|~!]")]
    private static partial Regex MarkdownSpecial();
}
