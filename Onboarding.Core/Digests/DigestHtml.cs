using System.Net;
using System.Text;
using Onboarding.Core.Markdown;

namespace Onboarding.Core.Digests;

/// <summary>
/// HTML for mail clients: nested presentation tables, inline styles only, no images or scripts,
/// the provider's name on its brand colour at the top so the mail is recognisable. Every piece
/// of user text goes through <see cref="E"/> or the Markdown renderer.
/// </summary>
internal static class DigestHtml
{
    private const string Ink = "#1f2328";
    private const string Muted = "#57606a";
    private const string Alert = "#b42318";
    private const string Good = "#1a7f37";
    private const string Page = "#f3f4f6";

    public static string Render(DigestModel digest)
    {
        var html = new StringBuilder(16 * 1024);
        html.Append($"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{E(digest.Subject)}</title></head>\n");
        html.Append($"<body style=\"margin:0;padding:0;background-color:{Page};\">\n");
        html.Append($"<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" style=\"background-color:{Page};\"><tr><td align=\"center\" style=\"padding:16px 8px;\">\n");
        html.Append($"<table role=\"presentation\" width=\"600\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" style=\"width:100%;max-width:600px;table-layout:fixed;word-break:break-word;overflow-wrap:anywhere;background-color:#ffffff;font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5;color:{Ink};\">\n");
        Row(html, $"background-color:{digest.BrandColour};color:{BrandColours.TextOn(digest.BrandColour)};padding:16px 24px;font-size:20px;font-weight:bold;", E(digest.ProviderName));
        Row(html, "padding:20px 24px 0;", $"Hi {E(digest.RecipientName)}, here is your digest for {E(DigestRenderer.LongDate(digest.Date))}.");
        foreach (var engagement in digest.Engagements)
        {
            if (engagement.Ready is { } ready)
            {
                GettingReady(html, engagement, ready);
            }
            else
            {
                Engagement(html, engagement, digest.Date);
            }
        }
        if (digest.MoreEngagements > 0)
        {
            Row(html, "padding:16px 24px 0;", Link(digest.EngagementsUrl, DigestRenderer.MoreEngagements(digest.MoreEngagements)));
        }
        Row(html, $"padding:24px;font-size:12px;color:{Muted};border-top:1px solid #d0d7de;",
            $"You get this digest as a member of these engagements at {E(digest.ProviderName)}. " +
            $"{Link(digest.PreferencesUrl, "Change how often you get it")} · {Link(digest.UnsubscribeUrl, "Unsubscribe")}");
        html.Append("</table>\n</td></tr></table>\n</body></html>\n");
        return html.ToString();
    }

    private static void Engagement(StringBuilder html, EngagementDigest e, DateOnly today)
    {
        Row(html, "padding:28px 24px 0;",
            $"<h2 style=\"margin:0;font-size:19px;border-left:4px solid {e.BrandColour};padding-left:10px;\">{Link(e.Url, e.Name, Ink)}</h2>" +
            $"<div style=\"padding-left:14px;font-size:13px;color:{Muted};\">Day {e.Day} · {E(e.ClientName)}</div>" +
            (e.WorkingWith is { } people ? $"<div style=\"padding-left:14px;font-size:13px;\">{E(people.Text)}</div>" : "") +
            (e.Explains ? "" : $"<div style=\"padding:6px 0 0 14px;font-size:14px;\">{E(DigestRenderer.Counts(e))}</div>"));

        if (e.GoLive is { } goLive)
        {
            Row(html, "padding:12px 24px 0;", $"<strong>&#9873; {Link(goLive.Url, goLive.Text, Ink)}</strong>");
        }

        if (e.Escalated.Count > 0)
        {
            Section(html, "Escalated to you", e.Escalated.Select(x => $"{Link(x.Url, x.Title)} ({E(x.Severity)})<br>{E(x.Text)}"));
        }

        if (e.MarketCardsToReview.Count > 0)
        {
            Section(html, "Market cards to review", e.MarketCardsToReview.Select(x => Link(x.Url, x.Text)));
        }

        if (e.YouSaid.Count > 0)
        {
            Section(html, "You said, we did", e.YouSaid.Select(x => $"{E(x.Said)}<br><strong>We did:</strong> {E(x.Did)}"));
        }

        if (e.Reassigned.Count > 0)
        {
            Section(html, "Reassigned", More(e.Reassigned.Select(r => Link(r.Url, r.Text)), e.MoreReassigned, e.ComingUpUrl));
        }

        foreach (var note in e.CheckIns)
        {
            Section(html, note.Heading, [Link(note.Url, note.Title), .. note.Decisions.Select(d => $"Decided: {E(d)}"), .. note.Actions.Select(a => Link(a.Url, a.Text))]);
        }

        if (e.NeedsAttention.Count > 0)
        {
            Section(html, "Needs attention", More(e.NeedsAttention.Select(a =>
                $"{Link(a.Url, a.Title)}<br><span style=\"font-size:13px;color:{Alert};\">{E(DigestRenderer.AttentionStatus(a))}</span>"), e.MoreAttention, e.AttentionUrl));
        }
        if (e.ComingUp.Count > 0)
        {
            Section(html, "Coming up for you", More(e.ComingUp.Select(t => Task(t, today, showNew: !e.Explains)), e.MoreComingUp, e.ComingUpUrl));
        }
        if (e.Wins.Count > 0)
        {
            var wins = e.Wins.Select(w => $"<span style=\"color:{Good};\">&#10003;</span> {Link(w.Url, w.Text)}");
            Section(html, DigestRenderer.WinsHeading(e), More(wins, e.MoreWins, e.WinsUrl));
        }
        if (e.MilestonesAhead.Count > 0)
        {
            Section(html, "Milestones ahead", e.MilestonesAhead.Select(m =>
                $"{Link(m.Url, m.Title)} <span style=\"font-size:13px;color:{Muted};\">{E(DigestRenderer.MilestoneWhen(m))}</span>"));
        }
        if (e.Metrics.Count > 0)
        {
            Section(html, "Metric movement", More(e.Metrics.Select(m =>
            {
                var arrow = DigestRenderer.Improved(m) switch
                {
                    true => $"<span style=\"color:{Good};\">&#9650;</span> ",
                    false => $"<span style=\"color:{Alert};\">&#9660;</span> ",
                    null => "",
                };
                return $"{Link(m.Url, m.Name)}: {arrow}{E(DigestRenderer.Movement(m))}";
            }), e.MoreMetrics, e.MetricsUrl));
        }
        if (e.Term is { } term)
        {
            var heading = $"<strong>{E(term.Term)}</strong>" + (term.ProviderTerm is null ? "" : $" <span style=\"color:{Muted};\">(we say: {E(term.ProviderTerm)})</span>");
            Section(html, "Word of the day", [Link(term.Url, heading, Ink, encoded: true) + Tight(MarkdownText.ToHtml(term.Definition))]);
        }
    }

    /// <summary>Before kickoff: what kickoff is and when, who is who, and the reader's first tasks.</summary>
    private static void GettingReady(StringBuilder html, EngagementDigest e, GettingReady ready)
    {
        Row(html, "padding:28px 24px 0;",
            $"<h2 style=\"margin:0;font-size:19px;border-left:4px solid {e.BrandColour};padding-left:10px;\">{Link(e.Url, e.Name, Ink)}</h2>" +
            $"<div style=\"padding-left:14px;font-size:13px;color:{Muted};\">Getting ready · {E(e.ClientName)}</div>");
        Section(html, "Kickoff", [E(DigestRenderer.KickoffText(ready))]);
        if (ready.People.Count > 0)
        {
            Section(html, "Who is who", More(ready.People.Select(p => E(DigestRenderer.PersonText(p))), ready.MorePeople, ready.PeopleUrl));
        }
        if (ready.FirstTasks.Count > 0)
        {
            Section(html, "What to prepare: your first tasks", More(ready.FirstTasks.Select(t => Task(t, ready.Kickoff, showNew: false)), ready.MoreTasks, e.ComingUpUrl));
        }
    }

    /// <summary>A task with its what and why when <see cref="TaskItem.Full"/>, else one line linking to it.</summary>
    private static string Task(TaskItem t, DateOnly today, bool showNew) =>
        $"{Link(t.Url, t.Title)} <span style=\"font-size:13px;color:{Muted};\">{E(DigestRenderer.When(t, today))}" +
        (t.Milestone is null ? "" : $" · towards {E(t.Milestone)}") + (showNew && t.IsNew ? " · new" : "") + "</span>" +
        (t.Full ? Labelled("What", MarkdownText.ToHtml(t.What)) + Labelled("Why", MarkdownText.ToHtml(t.Why)) : "");

    private static IEnumerable<string> More(IEnumerable<string> items, int more, string url) =>
        more > 0 ? items.Append(Link(url, $"and {more} more")) : items;

    private static void Section(StringBuilder html, string title, IEnumerable<string> items)
    {
        var body = new StringBuilder($"<h3 style=\"margin:0 0 8px;font-size:16px;\">{E(title)}</h3>");
        foreach (var item in items)
        {
            body.Append($"<div style=\"margin:0 0 12px;\">{item}</div>");
        }
        Row(html, "padding:16px 24px 0;", body.ToString());
    }

    private static string Labelled(string label, string markdownHtml) =>
        $"<div style=\"margin:6px 0 0;font-size:14px;\"><span style=\"font-size:12px;font-weight:bold;color:{Muted};text-transform:uppercase;\">{label}</span>{Tight(markdownHtml)}</div>";

    // Mail clients give paragraphs a full line of margin and ignore style sheets; user text is
    // escaped, so every "<p>" here is one Markdig wrote.
    private static string Tight(string markdownHtml) => markdownHtml.Replace("<p>", "<p style=\"margin:2px 0 6px;\">");

    // A long link or word wraps rather than widening the mail past a phone's screen; clients that ignore the table's
    // style still read the cell's.
    private static void Row(StringBuilder html, string style, string content) =>
        html.Append($"<tr><td style=\"{style}word-break:break-word;overflow-wrap:anywhere;\">{content}</td></tr>\n");

    private static string Link(string url, string text, string colour = "#0969da", bool encoded = false) =>
        $"<a href=\"{E(url)}\" style=\"color:{colour};\">{(encoded ? text : E(text))}</a>";

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
