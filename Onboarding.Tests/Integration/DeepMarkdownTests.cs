using System.Net;
using Microsoft.EntityFrameworkCore;
using Onboarding.Core.Engagements;
using Onboarding.Tests.Support;
using UglyToad.PdfPig;
using static Onboarding.Tests.Unit.Documents.PdfText;

namespace Onboarding.Tests.Integration;

/// <summary>
/// Markdown nested 200 quotes deep (security review, issue 11 item 4): refused by every form that
/// takes Markdown, and, where it is already stored, shown as written on every page, document and feed.
/// </summary>
public class DeepMarkdownTests(OnboardingFactory app) : IClassFixture<OnboardingFactory>
{
    private const string Leader = "alex.morgan@northstar.example";
    private const string Recruiter = "riya.shah@northstar.example";
    private const string TooDeep = "Nested 200 levels deep; at most 20 levels of quotes or lists are allowed.";

    private static readonly string Deep = new string('>', 200) + " deep";

    [Fact]
    public async Task Stored_markdown_200_quotes_deep_shows_as_text_on_every_page_pack_and_feed()
    {
        var engagementId = await InvitationTests.DemoEngagementIdAsync(app);
        var taskId = await TestPlans.AddTaskAsync(app, engagementId, "Deeply quoted task", ownerEmail: Recruiter);
        var token = await app.WithDbAsync(async db =>
        {
            var task = await db.PlanTasks.SingleAsync(t => t.Id == taskId);
            (task.What, task.Why) = (Deep, Deep);
            db.GlossaryTerms.Add(new GlossaryTerm { EngagementId = engagementId, ClientTerm = "Deep", ProviderTerm = "Deep", Definition = Deep, UpdatedAt = DateTimeOffset.UtcNow });
            (await db.Engagements.SingleAsync(e => e.Id == engagementId)).SharedPurpose = Deep;
            await db.SaveChangesAsync();
            return await db.Members.Where(m => m.EngagementId == engagementId && m.Email == Recruiter).Select(m => m.CalendarToken).SingleAsync();
        });
        var recruiter = await app.SignedInClientAsync(Recruiter);
        var escaped = WebUtility.HtmlEncode(Deep);

        foreach (var page in new[] { "", "/glossary", $"/tasks/{taskId}", "/pack" }.Select(p => $"/engagements/{engagementId}{p}").Concat(["/my/checklist", "/my/onboarding"]))
        {
            var response = await recruiter.GetAsync(page);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {page} answered {response.StatusCode}");
            Assert.True((await response.Content.ReadAsStringAsync()).Contains(escaped, StringComparison.Ordinal), $"GET {page} does not show the text as written");
        }

        foreach (var pdfPath in new[] { "/pack.pdf", "/pack/mine.pdf" }.Select(p => $"/engagements/{engagementId}{p}"))
        {
            var response = await recruiter.GetAsync(pdfPath);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {pdfPath} answered {response.StatusCode}");
            using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
            // The 200 '>' are one word wider than any column, so they wrap; the text reads back without the breaks.
            Assert.Contains(Deep.Replace(" ", "", StringComparison.Ordinal), Flowing(pdf).Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        }

        var feed = await app.AnonymousClient().GetAsync($"/calendar/{token}.ics");
        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        // iCalendar folds long lines at 75 octets with CRLF and a space.
        Assert.Contains($"{Deep}\\n\\nWhy: {Deep}", (await feed.Content.ReadAsStringAsync()).Replace("\r\n ", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_glossary_definition_200_quotes_deep_is_refused_with_a_message_naming_the_field()
    {
        var engagementId = await InvitationTests.DemoEngagementIdAsync(app);
        var leader = await app.SignedInClientAsync(Leader);
        var glossary = $"/engagements/{engagementId}/glossary";

        var response = await InvitationTests.PostFormAsync(leader, glossary, new()
        {
            ["ClientTerm"] = "Refused",
            ["ProviderTerm"] = "Refused",
            ["Definition"] = Deep,
        }, tokenFrom: glossary);

        Assert.NotEqual(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True((int)response.StatusCode < 500, $"answered {response.StatusCode}");
        Assert.Contains($"Definition: {TooDeep}", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.GlossaryTerms.AnyAsync(g => g.ClientTerm == "Refused")));
    }

    [Fact]
    public async Task A_new_tasks_what_and_why_200_quotes_deep_are_refused_field_by_field()
    {
        var engagementId = await InvitationTests.DemoEngagementIdAsync(app);
        var leader = await app.SignedInClientAsync(Leader);
        var tasks = $"/engagements/{engagementId}/plan/tasks";

        var response = await InvitationTests.PostFormAsync(leader, tasks, new()
        {
            ["Title"] = "Refused task",
            ["What"] = Deep,
            ["Why"] = Deep,
        }, tokenFrom: $"{tasks}/new");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains($"What: {TooDeep}", html, StringComparison.Ordinal);
        Assert.Contains($"Why: {TooDeep}", html, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.PlanTasks.AnyAsync(t => t.Title == "Refused task")));
    }

    [Fact]
    public async Task A_shared_purpose_200_quotes_deep_is_refused_at_launch()
    {
        var leader = await app.SignedInClientAsync(Leader);

        var response = await InvitationTests.PostFormAsync(leader, "/engagements/new", new()
        {
            ["Name"] = "Refused launch",
            ["ClientName"] = "Refused client",
            ["SharedPurpose"] = Deep,
            ["Action"] = "launch",
        }, tokenFrom: "/engagements/new");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains($"Shared purpose: {TooDeep}", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Engagements.AnyAsync(e => e.Name == "Refused launch")));
    }
}
