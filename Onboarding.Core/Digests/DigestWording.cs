using Onboarding.Core.Engagements;

namespace Onboarding.Core.Digests;

/// <summary>
/// A composed section in its reader's words (<see cref="ReaderWords"/>): a client stakeholder reads the client's
/// words and no "(we say: …)"; provider staff read the texts as written, with the provider's word beside the term of the day.
/// </summary>
/// <remarks>Applied to the composed section, not the engagement's inputs: only the few texts the reader gets are reworded.</remarks>
internal static class DigestWording
{
    public static EngagementDigest ForReader(EngagementDigest section, DigestEngagement engagement, DigestRecipient recipient)
    {
        var role = recipient.Memberships.FirstOrDefault(m => m.EngagementId == engagement.Id)?.Role;
        var words = ReaderWords.For(engagement.Glossary.Select(g => new GlossaryEntry(g.Term, g.ProviderTerm ?? "", g.Definition)), role);
        var term = section.Term is { } t ? t with { ProviderTerm = words.WeSay(t.Term, t.ProviderTerm) } : null;
        if (!words.ForClient)
        {
            return section with { Term = term };
        }
        TaskItem Reword(TaskItem c) => c with
        {
            Title = words.Text(c.Title),
            What = words.Markdown(c.What),
            Why = words.Markdown(c.Why),
            Milestone = c.Milestone is null ? null : words.Text(c.Milestone),
        };
        return section with
        {
            ComingUp = [.. section.ComingUp.Select(Reword)],
            Ready = section.Ready is { } ready ? ready with { FirstTasks = [.. ready.FirstTasks.Select(Reword)] } : null,
            NeedsAttention = [.. section.NeedsAttention.Select(a => a with { Title = words.Text(a.Title) })],
            Wins = [.. section.Wins.Select(w => w with { Text = words.Text(w.Text) })],
            MilestonesAhead = [.. section.MilestonesAhead.Select(m => m with { Title = words.Text(m.Title) })],
            Metrics = [.. section.Metrics.Select(m => m with { Name = words.Text(m.Name) })],
            Reassigned = [.. section.Reassigned.Select(r => r with { Title = words.Text(r.Title) })],
            Term = term,
        };
    }
}
