using System.Text.RegularExpressions;

namespace Onboarding.Core.Engagements;

/// <summary>Keys for tasks added by hand: readable, under <c>added/</c> so they never collide with a template's keys.</summary>
public static partial class PlanTaskKeys
{
    public const string AddedPrefix = "added/";

    /// <param name="taken">Keys the engagement already uses (those under <see cref="AddedPrefix"/> suffice).</param>
    public static string ForAddedTask(string title, IReadOnlySet<string> taken)
    {
        var slug = NotKeyCharacters().Replace(title.ToLowerInvariant(), "-").Trim('-');
        slug = slug.Length == 0 ? "task" : slug[..Math.Min(slug.Length, 60)].TrimEnd('-');
        var key = AddedPrefix + slug;
        for (var n = 2; taken.Contains(key); n++)
        {
            key = $"{AddedPrefix}{slug}-{n}";
        }
        return key;
    }

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NotKeyCharacters();
}
