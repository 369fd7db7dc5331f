using System.Text;
using Onboarding.Core.Markdown;

namespace Onboarding.Core.Digests;

/// <summary>The plain-text alternative: the same content, links spelled out.</summary>
internal static class DigestText
{
    public static string Render(DigestModel digest)
    {
        var text = new StringBuilder(8 * 1024);
        text.Append($"{digest.ProviderName}\n\nHi {digest.RecipientName}, here is your digest for {DigestRenderer.LongDate(digest.Date)}.\n");
        foreach (var e in digest.Engagements)
        {
            if (e.Ready is { } ready)
            {
                text.Append($"\n=== {e.Name} · getting ready ({e.ClientName}) ===\n{e.Url}\n");
                Section(text, "Kickoff", [DigestRenderer.KickoffText(ready)]);
                Section(text, "Who is who", More(ready.People.Select(DigestRenderer.PersonText), ready.MorePeople, ready.PeopleUrl));
                Section(text, "What to prepare: your first tasks", More(ready.FirstTasks.Select(t => Task(t, ready.Kickoff, showNew: false)), ready.MoreTasks, e.ComingUpUrl));
                continue;
            }
            text.Append($"\n=== {e.Name} · day {e.Day} ({e.ClientName}) ===\n{e.Url}\n");
            if (e.WorkingWith is { } people)
            {
                text.Append($"{people.Text}\n");
            }
            if (!e.Explains)
            {
                text.Append($"{DigestRenderer.Counts(e)}\n");
            }
            if (e.GoLive is { } goLive)
            {
                text.Append($"\n{goLive.Text}\n{goLive.Url}\n");
            }
            Section(text, "Escalated to you", e.Escalated.Select(x => $"{x.Title} ({x.Severity})\n{x.Text}\n{x.Url}"));
            Section(text, "Market cards to review", e.MarketCardsToReview.Select(x => $"{x.Text}\n{x.Url}"));
            Section(text, "You said, we did", e.YouSaid.Select(x => $"{x.Said}\nWe did: {x.Did}"));
            Section(text, "Reassigned", More(e.Reassigned.Select(r => $"{r.Text}\n{r.Url}"), e.MoreReassigned, e.ComingUpUrl));
            foreach (var note in e.CheckIns)
            {
                Section(text, note.Heading, [$"{note.Title}\n{note.Url}", .. note.Decisions.Select(d => $"Decided: {d}"), .. note.Actions.Select(a => $"{a.Text}\n{a.Url}")]);
            }
            Section(text, "Needs attention", More(e.NeedsAttention.Select(a => $"{a.Title}: {DigestRenderer.AttentionStatus(a)}\n{a.Url}"), e.MoreAttention, e.AttentionUrl));
            Section(text, "Coming up for you", More(e.ComingUp.Select(t => Task(t, digest.Date, showNew: !e.Explains)), e.MoreComingUp, e.ComingUpUrl));
            Section(text, DigestRenderer.WinsHeading(e), More(e.Wins.Select(w => $"{w.Text}\n{w.Url}"), e.MoreWins, e.WinsUrl));
            Section(text, "Milestones ahead", e.MilestonesAhead.Select(m => $"{m.Title}: {DigestRenderer.MilestoneWhen(m)}\n{m.Url}"));
            Section(text, "Metric movement", More(e.Metrics.Select(m => $"{m.Name}: {DigestRenderer.Movement(m)}\n{m.Url}"), e.MoreMetrics, e.MetricsUrl));
            if (e.Term is { } term)
            {
                var heading = term.ProviderTerm is null ? term.Term : $"{term.Term} (we say: {term.ProviderTerm})";
                Section(text, "Word of the day", [$"{heading}\n{MarkdownText.ToPlainText(term.Definition)}\n{term.Url}"]);
            }
        }
        if (digest.MoreEngagements > 0)
        {
            text.Append($"\n{DigestRenderer.MoreEngagements(digest.MoreEngagements)}\n{digest.EngagementsUrl}\n");
        }
        text.Append($"\n--\nChange how often you get this digest: {digest.PreferencesUrl}\nUnsubscribe: {digest.UnsubscribeUrl}\n");
        return text.ToString();
    }

    private static string Task(TaskItem t, DateOnly today, bool showNew) =>
        $"{t.Title}: {DigestRenderer.When(t, today)}" + (t.Milestone is null ? "" : $", towards {t.Milestone}") + (showNew && t.IsNew ? " (new)" : "") +
        (t.Full ? $"\nWhat: {MarkdownText.ToPlainText(t.What)}\nWhy: {MarkdownText.ToPlainText(t.Why)}" : "") + $"\n{t.Url}";

    private static IEnumerable<string> More(IEnumerable<string> items, int more, string url) =>
        more > 0 ? items.Append($"and {more} more\n{url}") : items;

    private static void Section(StringBuilder text, string title, IEnumerable<string> items)
    {
        var first = true;
        foreach (var item in items)
        {
            if (first)
            {
                text.Append($"\n{title.ToUpperInvariant()}\n");
                first = false;
            }
            // Continuation lines line up under the bullet's text.
            text.Append("* ").Append(item.Replace("\n", "\n  ")).Append('\n');
        }
    }
}
