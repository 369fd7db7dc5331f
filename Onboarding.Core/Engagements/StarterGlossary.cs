using Onboarding.Core.Templates;

namespace Onboarding.Core.Engagements;

/// <summary>A starter term and the template that brings it (its title, and the file it was read from).</summary>
public sealed record StarterEntry(GlossaryEntry Entry, string TemplateTitle, string SourceFile);

/// <summary>
/// The starter terms a launch would bring, identical entries merged, and their <paramref name="Flags"/>
/// (indexes into <paramref name="Terms"/>).
/// </summary>
public sealed record StarterGlossaryPreview(IReadOnlyList<StarterEntry> Terms, IReadOnlyList<GlossaryFlag> Flags);

/// <summary>How templates' <c>glossary:</c> front matter reaches an engagement.</summary>
/// <remarks>
/// An engagement has one entry per client word (matched ignoring case and white space): a term already
/// there stays, as people may have edited it, and of several templates the first applied brings it.
/// So identical entries from several templates become one, and an entry that differs is left out: the
/// launch preview and <c>templates check</c> flag those (<see cref="GlossaryCheck"/>) so they are fixed
/// in the templates rather than lost silently.
/// </remarks>
public static class StarterGlossary
{
    /// <summary>The starter terms to add: those whose client word the engagement does not have yet, first of each word only.</summary>
    public static IEnumerable<StarterTerm> NewTerms(IEnumerable<GlossaryTerm> existing, IEnumerable<StarterTerm> starters)
    {
        var known = existing.Select(g => GlossaryCheck.Normalise(g.ClientTerm)).ToHashSet();
        return starters.Where(t => known.Add(GlossaryCheck.Normalise(t.ClientTerm))).ToList();
    }

    /// <summary>The starter terms of <paramref name="templates"/> (each template once), exact repeats merged, and what contradicts.</summary>
    public static StarterGlossaryPreview Preview(IEnumerable<PlanTemplate> templates)
    {
        var terms = new List<StarterEntry>();
        var seen = new HashSet<(string, string, string)>();
        foreach (var template in templates.DistinctBy(t => t.Key))
        {
            foreach (var term in template.Glossary)
            {
                if (seen.Add((GlossaryCheck.Normalise(term.ClientTerm), GlossaryCheck.Normalise(term.ProviderTerm), GlossaryCheck.Normalise(term.Definition))))
                {
                    terms.Add(new StarterEntry(new GlossaryEntry(term.ClientTerm, term.ProviderTerm, term.Definition), template.Title, template.SourceFile));
                }
            }
        }
        return new StarterGlossaryPreview(terms, GlossaryCheck.Find([.. terms.Select(t => t.Entry)]));
    }
}
