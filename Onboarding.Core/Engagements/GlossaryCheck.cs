using System.Text.RegularExpressions;

namespace Onboarding.Core.Engagements;

/// <summary>One glossary entry as the check reads it: the client's word, the provider's word (may be empty), the definition.</summary>
public sealed record GlossaryEntry(string ClientTerm, string ProviderTerm, string Definition);

public enum GlossaryFlagKind
{
    /// <summary>The same entry twice.</summary>
    Duplicate,

    /// <summary>Two words for one thing: two client words mapped to one provider word, or one client word to two provider words.</summary>
    SameMeaning,

    /// <summary>One word with two definitions.</summary>
    TwoDefinitions,

    /// <summary>Related measures counted in calendar days in one entry and working days in another.</summary>
    UnitsDisagree,
}

/// <summary>A contradiction between two entries (<see cref="First"/> and <see cref="Second"/> index the checked list), said in plain words.</summary>
public sealed record GlossaryFlag(GlossaryFlagKind Kind, int First, int Second, string Message)
{
    public bool Involves(int index) => First == index || Second == index;
}

/// <summary>
/// Finds where a glossary contradicts itself, so "one dictionary" stays one. Pure; words match
/// ignoring case and runs of white space.
/// </summary>
/// <remarks>
/// For each pair of entries, at most one flag about their words, first that applies:
/// <list type="number">
/// <item>duplicate: same client word, provider word and definition;</item>
/// <item>same meaning: the same provider word for two client words ("Req" and "Requisition" both "Job order"),
/// or the same client word mapped to two provider words;</item>
/// <item>two definitions: the same client word with different definitions, or a word that is the client's word
/// in one entry and the provider's in the other (a false friend: it means two things depending on who says it);</item>
/// </list>
/// and, separately, units disagree: one entry counts only calendar days and the other only working (business) days,
/// and they are about the same measure: they share a word, or one's definition names the other's word.
/// An entry that names both kinds of day is contrasting them, and is left alone.
/// </remarks>
public static partial class GlossaryCheck
{
    public static IReadOnlyList<GlossaryFlag> Find(IReadOnlyList<GlossaryEntry> entries)
    {
        var read = entries.Select(e => new Read(e, Normalise(e.ClientTerm), Normalise(e.ProviderTerm), Normalise(e.Definition), DaysOf(e.Definition))).ToList();
        var flags = new List<GlossaryFlag>();
        for (var i = 0; i < read.Count; i++)
        {
            for (var j = i + 1; j < read.Count; j++)
            {
                if (Words(read[i], read[j]) is { } words)
                {
                    flags.Add(new GlossaryFlag(words.Kind, i, j, words.Message));
                }
                if (Units(read[i], read[j]) is { } units)
                {
                    flags.Add(new GlossaryFlag(GlossaryFlagKind.UnitsDisagree, i, j, units));
                }
            }
        }
        return flags;
    }

    public static IReadOnlyList<GlossaryFlag> FindIn(IEnumerable<GlossaryTerm> terms) =>
        Find(terms.Select(t => new GlossaryEntry(t.ClientTerm, t.ProviderTerm, t.Definition)).ToList());

    /// <summary>Two words are the same word when they differ only in case and white space.</summary>
    public static bool SameWord(string? a, string? b) => Normalise(a) == Normalise(b);

    /// <summary>Lower case, trimmed, every run of white space one space.</summary>
    public static string Normalise(string? text) => Spaces().Replace((text ?? "").Trim(), " ").ToLowerInvariant();

    private sealed record Read(GlossaryEntry Entry, string Client, string Provider, string Definition, DayKind Days)
    {
        public string Word => Entry.ClientTerm.Trim();

        public string ProviderWord => Entry.ProviderTerm.Trim();

        /// <summary>The provider's word when there is one that differs from the client's.</summary>
        public bool Maps => Provider.Length > 0 && Provider != Client;
    }

    private static (GlossaryFlagKind Kind, string Message)? Words(Read a, Read b)
    {
        if (a.Client == b.Client && a.Provider == b.Provider && a.Definition == b.Definition)
        {
            return (GlossaryFlagKind.Duplicate, $"“{a.Word}” is in the glossary twice with the same meaning: keep one.");
        }
        if (a.Provider.Length > 0 && a.Provider == b.Provider && a.Client != b.Client)
        {
            return (GlossaryFlagKind.SameMeaning,
                $"“{a.Word}” and “{b.Word}” are both the client's word for “{a.ProviderWord}”: two words for one thing. Agree on one.");
        }
        if (a.Client == b.Client && a.Provider.Length > 0 && b.Provider.Length > 0 && a.Provider != b.Provider)
        {
            return (GlossaryFlagKind.SameMeaning,
                $"“{a.Word}” is mapped to both “{a.ProviderWord}” and “{b.ProviderWord}”: either those mean the same, or “{a.Word}” means two things. Agree on one.");
        }
        if (a.Client == b.Client)
        {
            return (GlossaryFlagKind.TwoDefinitions, $"“{a.Word}” has two different definitions: agree on one.");
        }
        if (a.Maps && b.Maps && (a.Client == b.Provider || a.Provider == b.Client))
        {
            var (client, provider) = a.Client == b.Provider ? (a, b) : (b, a);
            return (GlossaryFlagKind.TwoDefinitions,
                $"“{client.Word}” means two things: the client's “{client.Word}” is the provider's “{client.ProviderWord}”, " +
                $"but the provider's “{provider.ProviderWord}” is the client's “{provider.Word}”. Rename one so each word has one meaning.");
        }
        return null;
    }

    private static string? Units(Read a, Read b)
    {
        if (a.Days is DayKind.None or DayKind.Both || b.Days is DayKind.None or DayKind.Both || a.Days == b.Days || Related(a, b) is not { } why)
        {
            return null;
        }
        var (calendar, working) = a.Days == DayKind.Calendar ? (a, b) : (b, a);
        return $"“{calendar.Word}” counts calendar days but “{working.Word}” counts working days, and {why}. Count both in the same days.";
    }

    /// <summary>Why two entries are about the same measure, as the end of a sentence; null when they are not.</summary>
    private static string? Related(Read a, Read b)
    {
        var shared = WordsOf(a).Intersect(WordsOf(b)).FirstOrDefault();
        if (shared is not null)
        {
            return $"both are “{Display(a, shared) ?? Display(b, shared)}”";
        }
        foreach (var (from, to) in new[] { (a, b), (b, a) })
        {
            if (WordsOf(to).FirstOrDefault(w => Mentions(from.Definition, w)) is { } named)
            {
                return $"the definition of “{from.Word}” names “{Display(to, named)}”";
            }
        }
        return null;
    }

    private static IEnumerable<string> WordsOf(Read r) => r.Provider.Length > 0 ? [r.Client, r.Provider] : [r.Client];

    private static string? Display(Read r, string normalised) =>
        r.Client == normalised ? r.Word : r.Provider == normalised ? r.ProviderWord : null;

    private static bool Mentions(string normalisedText, string normalisedWord) =>
        normalisedWord.Length > 0 && Regex.IsMatch(normalisedText, $@"(?<!\w){Regex.Escape(normalisedWord)}(?!\w)", RegexOptions.CultureInvariant);

    [Flags]
    private enum DayKind
    {
        None = 0,
        Calendar = 1,
        Working = 2,
        Both = Calendar | Working,
    }

    private static DayKind DaysOf(string definition) =>
        (CalendarDays().IsMatch(definition) ? DayKind.Calendar : DayKind.None) |
        (WorkingDays().IsMatch(definition) ? DayKind.Working : DayKind.None);

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"\bcalendar\s+days?\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CalendarDays();

    [GeneratedRegex(@"\b(working|business|work)\s*days?\b|\bworkdays?\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WorkingDays();
}
