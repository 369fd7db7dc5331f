using System.Text.RegularExpressions;

namespace Onboarding.Core.Templates;

/// <summary>
/// Template, phase and task keys end up in plan keys, URLs and file names; keeping them to
/// lower-case words joined by hyphens keeps them stable and unambiguous there.
/// </summary>
internal static partial class TemplateKeys
{
    public const string Rule = "must be lower-case letters and digits, words joined by '-' (like 'kickoff-call')";

    public static bool IsValid(string key) => Pattern().IsMatch(key);

    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$")]
    private static partial Regex Pattern();
}
