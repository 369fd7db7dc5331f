using System.Text.RegularExpressions;

namespace Onboarding.Core.Engagements;

/// <summary>
/// The glossary terms a metric's name or definition uses, so the Metrics page can link "Time to fill" to the
/// one agreed definition of it. Worked out when shown, not stored: a term added or renamed later links too.
/// </summary>
public static class MetricGlossary
{
    /// <summary>Terms whose client or provider word appears as whole words in the metric's name or how-measured text; the one naming the metric first.</summary>
    public static IReadOnlyList<GlossaryTerm> TermsFor(Metric metric, IEnumerable<GlossaryTerm> glossary) => glossary
        .Select(t => (Term: t, InName: Mentions(metric.Name, t), InDefinition: Mentions(metric.HowMeasured, t)))
        .Where(x => x.InName || x.InDefinition)
        .OrderByDescending(x => Names(metric, x.Term))
        .ThenByDescending(x => x.InName)
        .ThenBy(x => x.Term.ClientTerm, StringComparer.OrdinalIgnoreCase)
        .Select(x => x.Term)
        .ToList();

    /// <summary>The term that is the metric's own name ("Time to fill" for the metric "Time to fill"), if the glossary has one.</summary>
    public static GlossaryTerm? NamedBy(Metric metric, IEnumerable<GlossaryTerm> glossary) => glossary.FirstOrDefault(t => Names(metric, t));

    private static bool Names(Metric metric, GlossaryTerm term) =>
        Same(metric.Name, term.ClientTerm) || (term.ProviderTerm is { Length: > 0 } provider && Same(metric.Name, provider));

    private static bool Same(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);

    private static bool Mentions(string text, GlossaryTerm term) =>
        Contains(text, term.ClientTerm) || (term.ProviderTerm is { Length: > 0 } provider && Contains(text, provider));

    private static bool Contains(string text, string phrase) =>
        phrase.Trim().Length > 0 && Regex.IsMatch(text, $@"(?<!\w){Regex.Escape(phrase.Trim())}(?!\w)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
}
