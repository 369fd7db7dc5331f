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
            text.Append($"\n=== {e.Name} · day {e.Day} ({e.ClientName}) ===\n{e.Url}\n");
            if (e.WorkingWith is { } people)
            {
                text.Append($"{people.Text}\n");
            }
            if (e.GoLive is { } goLive)
            {
                text.Append($"\n{goLive.Text}\n{goLive.Url}\n");
            }
            Section(text, "Reassigned", e.Reassigned.Select(r => $"{r.Text}\n{r.Url}"));
            Section(text, "Needs attention", e.NeedsAttention.Select(a => $"{a.Title}: {DigestRenderer.AttentionStatus(a)}\n{a.Url}"));
            Section(text, "Coming up for you", e.ComingUp.Select(t =>
                $"{t.Title}: {DigestRenderer.When(t, digest.Date)}" + (t.Milestone is null ? "" : $", towards {t.Milestone}") +
                $"\nWhat: {MarkdownText.ToPlainText(t.What)}\nWhy: {MarkdownText.ToPlainText(t.Why)}\n{t.Url}"));
            var wins = e.Wins.Select(w => $"{w.Text}\n{w.Url}");
            Section(text, "Wins since your last digest", e.MoreWins > 0 ? wins.Append($"and {e.MoreWins} more\n{e.WinsUrl}") : wins);
            Section(text, "Milestones ahead", e.MilestonesAhead.Select(m => $"{m.Title}: {DigestRenderer.MilestoneWhen(m)}\n{m.Url}"));
            Section(text, "Metric movement", e.Metrics.Select(m => $"{m.Name}: {DigestRenderer.Movement(m)}\n{m.Url}"));
            if (e.Term is { } term)
            {
                var heading = term.ProviderTerm is null ? term.Term : $"{term.Term} (we say: {term.ProviderTerm})";
                Section(text, "Word of the day", [$"{heading}\n{MarkdownText.ToPlainText(term.Definition)}\n{term.Url}"]);
            }
        }
        text.Append($"\n--\nChange how often you get this digest: {digest.PreferencesUrl}\nUnsubscribe: {digest.UnsubscribeUrl}\n");
        return text.ToString();
    }

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
