using System.Net;
using System.Text.Encodings.Web;
using Microsoft.EntityFrameworkCore;
using Onboarding.Core.Documents.Steering;
using Onboarding.Core.Engagements;
using Onboarding.Core.Governance;
using Onboarding.Core.Governance.Pulses;
using Onboarding.Core.Time;
using Onboarding.Tests.Integration.Assignments;
using Onboarding.Tests.Support;
using Onboarding.Tests.Unit.Documents;
using UglyToad.PdfPig;
using static Onboarding.Tests.Unit.Documents.PdfText;

namespace Onboarding.Tests.Integration.Pack;

/// <summary>The monthly steering report on the demo engagement with a known log, as the people who steer it and others see it.</summary>
public class SteeringReportTests(OnboardingFactory app) : IClassFixture<OnboardingFactory>
{
    private const string Leader = "alex.morgan@northstar.example";
    private const string Recruiter = "riya.shah@northstar.example";
    private const string TaLead = "tomas.herrera@acme.example";
    private const string Sponsor = "samuel.okafor@acme.example";
    private const string HiringManager = "hana.kobayashi@acme.example";

    [Fact]
    public async Task The_TA_lead_downloads_the_months_report_with_every_section_in_order_and_no_provider_internal_entry()
    {
        var log = await SteeringLog.AddAsync(app);
        var client = await app.SignedInClientAsync(TaLead);

        var response = await client.GetAsync($"/engagements/{log.EngagementId}/steering.pdf?month=2026-11");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("acme-robotics-steering-report-2026-11.pdf", response.Content.Headers.ContentDisposition!.FileName);
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("Steering report · November 2026", pdf.Information.Title);
        var text = Flowing(pdf);
        Assert.DoesNotContain(-1, PositionsInOrder(text,
        [
            "Steering report · November 2026", SteeringContent.HealthHeading, "open at high severity", SteeringContent.Outcomes, SteeringContent.MetricsHeading, log.MetricName,
            SteeringContent.Milestones, SteeringContent.Wins, SteeringContent.RisksAndIssues, log.Issue, "Level 2:",
            SteeringContent.Decisions, log.DecisionMade, log.Resolution, SteeringContent.DecisionsDueHeading, log.DecisionDue,
            SteeringContent.NextPlan, log.TaskAhead,
        ]));
        Assert.DoesNotContain(log.Internal, text);
        Assert.Contains($"{log.MetricName}: 2 values, latest 31 days", text);
        // The chart is a tagged figure whose alternative text is what the chart shows.
        var chart = Assert.Single(new PdfStructure(pdf).Root!.DescendantsAndSelf(), e => e.Role == "Figure" && e.Alt?.StartsWith(log.MetricName, StringComparison.Ordinal) == true);
        Assert.Contains("latest 31 days", chart.Alt);
    }

    [Fact]
    public async Task The_print_view_says_the_same_and_offers_each_month_since_kickoff()
    {
        var log = await SteeringLog.AddAsync(app);
        var sponsor = await app.SignedInClientAsync(Sponsor);

        var html = await sponsor.GetStringAsync($"/engagements/{log.EngagementId}/steering?month=2026-11");

        Assert.Contains("<title>Acme Robotics RPO launch · Steering report · November 2026", html);
        Assert.Contains(WebUtility.HtmlEncode(log.Issue), html);
        Assert.Contains("<h2 id=\"health\">Health</h2>", html);
        Assert.Contains("open at high severity", html);
        Assert.Contains(WebUtility.HtmlEncode(log.Resolution), html);
        Assert.DoesNotContain(WebUtility.HtmlEncode(log.Internal), html);
        Assert.Contains("<option value=\"2026-11\" selected=\"selected\">November 2026</option>", html);
        Assert.Contains($"href=\"/engagements/{log.EngagementId}/steering.pdf?month=2026-11\"", html);
        var overview = await sponsor.GetStringAsync($"/engagements/{log.EngagementId}");
        Assert.Contains($"<a href=\"/engagements/{log.EngagementId}/steering\">Steering report</a>", overview);
    }

    [Fact]
    public async Task The_report_says_how_the_months_pulses_were_answered_and_what_was_done_without_names()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var engagementId = await app.WithDbAsync(async db =>
        {
            var engagement = await db.Engagements.Include(e => e.Members).SingleAsync(e => e.Name == "Acme Robotics RPO launch");
            var asked = engagement.Members.Where(m => m.Role is EngagementRole.TaLead or EngagementRole.HiringManager or EngagementRole.ExecutiveSponsor).Take(3).ToList();
            var november = new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
            Pulse Sent(Member member, DateTimeOffset at, int? score, string comment = "", string response = "") => new()
            {
                EngagementId = engagement.Id,
                MemberId = member.Id,
                Occasion = $"test:{tag}:{at:yyyy-MM}",
                OccasionText = "Test",
                TokenHash = Guid.NewGuid().ToString("N"),
                CreatedAt = at,
                SentAt = at,
                ExpiresAt = at.AddDays(14),
                AnsweredAt = score is null ? null : at.AddDays(1),
                Score = score,
                Comment = comment,
                Response = response,
            };
            db.Pulses.AddRange(
                Sent(asked[0], november, 2, $"Slots slip {tag}", $"Panels added {tag}"),
                Sent(asked[1], november, 5),
                Sent(asked[2], november, null),
                Sent(asked[0], new DateTimeOffset(2026, 10, 20, 9, 0, 0, TimeSpan.Zero), 1, $"October comment {tag}"));
            await db.SaveChangesAsync();
            return engagement.Id;
        });
        var sponsor = await app.SignedInClientAsync(Sponsor);

        using var pdf = PdfDocument.Open(await sponsor.GetByteArrayAsync($"/engagements/{engagementId}/steering.pdf?month=2026-11"));
        var text = Flowing(pdf);
        var html = WebUtility.HtmlDecode(await sponsor.GetStringAsync($"/engagements/{engagementId}/steering?month=2026-11"));

        foreach (var shown in new[] { text, html })
        {
            Assert.DoesNotContain(-1, PositionsInOrder(shown,
            [
                SteeringContent.Wins, SteeringContent.PulseHeading, "2 of 3 people asked answered", "on average 3.5 of 5",
                SteeringContent.PulseNamesNote, "2 of 5 (not well)", $"Slots slip {tag}", $"Panels added {tag}", SteeringContent.RisksAndIssues,
            ]));
            Assert.DoesNotContain($"October comment {tag}", shown);
        }
    }

    [Fact]
    public async Task Only_leaders_the_TA_lead_and_the_sponsor_may_open_it()
    {
        var log = await SteeringLog.AddAsync(app);
        var paths = new[] { $"/engagements/{log.EngagementId}/steering", $"/engagements/{log.EngagementId}/steering.pdf" };

        foreach (var path in paths)
        {
            Assert.Equal(HttpStatusCode.OK, (await (await app.SignedInClientAsync(Leader)).GetAsync(path)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignedInClientAsync(Recruiter)).GetAsync(path)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignedInClientAsync(HiringManager)).GetAsync(path)).StatusCode);
        }

        var overview = await (await app.SignedInClientAsync(HiringManager)).GetStringAsync($"/engagements/{log.EngagementId}");
        Assert.DoesNotContain("Steering report", overview);
    }

    [Theory]
    [InlineData("2026-13", "Month '2026-13' is not a month written as year-month, such as 2026-11.")]
    [InlineData("2026-10", "Month 2026-10 has no report: choose a month from 2026-11 (the kickoff's) to 2026-11.")]
    [InlineData("2027-01", "Month 2027-01 has no report: choose a month from 2026-11 (the kickoff's) to 2026-11.")]
    public async Task A_month_the_engagement_does_not_have_gets_a_clear_message(string month, string message)
    {
        var log = await SteeringLog.AddAsync(app);
        var leader = await app.SignedInClientAsync(Leader);

        var page = await leader.GetAsync($"/engagements/{log.EngagementId}/steering?month={month}");
        var pdf = await leader.GetAsync($"/engagements/{log.EngagementId}/steering.pdf?month={month}");

        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Contains(HtmlEncoder.Default.Encode(message), await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, pdf.StatusCode);
        Assert.Contains(message, await pdf.Content.ReadAsStringAsync());
        Assert.Empty(app.ServerErrors);
    }

    [Fact]
    public async Task Export_with_report_steering_writes_the_months_report_and_refuses_a_member()
    {
        var log = await SteeringLog.AddAsync(app);
        var file = Path.Combine(Directory.CreateTempSubdirectory("steering-").FullName, "steering.pdf");

        var (exit, output, error) = await AppProcess.RunAsync(app.ConnectionString, "pack", "export", "--engagement", $"{log.EngagementId}", "--out", file, "--report", "steering", "--month", "2026-11");
        var (refused, _, why) = await AppProcess.RunAsync(app.ConnectionString, "pack", "export", "--engagement", $"{log.EngagementId}", "--out", file, "--report", "steering", "--member", TaLead);

        Assert.True(exit == 0, error);
        Assert.StartsWith("pack export: wrote the steering report of 'Acme Robotics RPO launch' for November 2026", output);
        using var pdf = PdfDocument.Open(file);
        Assert.Contains(log.Issue, Flowing(pdf));
        Assert.Equal(2, refused);
        Assert.Contains("--member and --report cannot be given together", why);
    }
}

/// <summary>The steering report on the embedded default (SQLite), where instants are stored as ticks.</summary>
public class SqliteSteeringReportTests(SqliteApp sqlite) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task The_report_holds_the_months_decisions_and_open_issues()
    {
        var log = await SteeringLog.AddAsync(sqlite.App);
        var leader = await sqlite.App.SignedInClientAsync("alex.morgan@northstar.example");

        var response = await leader.GetAsync($"/engagements/{log.EngagementId}/steering.pdf?month=2026-11");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        var text = Flowing(pdf);
        Assert.Contains(log.Issue, text);
        Assert.Contains(log.Resolution, text);
        Assert.DoesNotContain(log.Internal, text);
    }
}

/// <summary>A known log on the demo engagement: an escalated client-facing issue, a provider-internal risk, a decision made and one due, a metric with two values.</summary>
internal sealed record SteeringLog(int EngagementId, string Issue, string Internal, string DecisionMade, string Resolution, string DecisionDue, string MetricName, string TaskAhead)
{
    public static Task<SteeringLog> AddAsync(OnboardingFactory app) => app.WithDbAsync(async db =>
    {
        var now = app.Clock.GetUtcNow();
        var tag = Guid.NewGuid().ToString("N")[..6];
        var engagement = await db.Engagements.Include(e => e.Members).SingleAsync(e => e.Name == "Acme Robotics RPO launch");
        var taLead = engagement.Members.Single(m => m.Role == EngagementRole.TaLead);
        var leader = engagement.Members.Single(m => m.Role == EngagementRole.AccountLeader);
        var today = Zones.DateIn(now, engagement.TimeZone);

        var issue = LogEntries.Open(engagement.Id, LogEntryKind.Issue, $"No slots {tag}", LogSeverity.High, LogSide.Client, taLead.Id, today.AddDays(-3), "Hiring managers hold no slots.", false, "Alex Morgan", now);
        issue.EscalationLevel = 2;
        var internalRisk = LogEntries.Open(engagement.Id, LogEntryKind.Risk, $"Attrition {tag}", LogSeverity.Medium, LogSide.Provider, leader.Id, null, "", true, "Alex Morgan", now);
        var made = LogEntries.Open(engagement.Id, LogEntryKind.Decision, $"Intake day {tag}", LogSeverity.Medium, LogSide.Client, taLead.Id, today, "", false, "Alex Morgan", now.AddDays(-2));
        made.Status = LogEntryStatus.Closed;
        made.ClosedAt = now.AddDays(-1);
        made.Resolution = $"Tuesdays {tag}";
        var due = LogEntries.Open(engagement.Id, LogEntryKind.Decision, $"Agency exit {tag}", LogSeverity.Medium, LogSide.Client, taLead.Id, today.AddDays(10), "", false, "Alex Morgan", now);
        db.LogEntries.AddRange(issue, internalRisk, made, due);

        var metric = new Metric { EngagementId = engagement.Id, Name = $"Shortlist {tag}", Unit = "days", Direction = MetricDirection.LowerIsBetter, Baseline = 40, Target = 25 };
        metric.Measurements.Add(new Measurement { MeasuredOn = today.AddDays(-7), Value = 35, RecordedAt = now });
        metric.Measurements.Add(new Measurement { MeasuredOn = today.AddDays(-1), Value = 31, RecordedAt = now });
        db.Metrics.Add(metric);

        // A title short enough for one line of its table cell, so the extracted text holds it whole.
        var ahead = (await db.PlanTasks.Where(t => t.EngagementId == engagement.Id && t.Status != PlanTaskStatus.Done && t.Status != PlanTaskStatus.Skipped && t.Start > today.AddDays(10) && t.Start.Month == 12)
            .OrderBy(t => t.Start).Select(t => t.Title).ToListAsync()).First(t => t.Length <= 25);
        await db.SaveChangesAsync();
        // The report speaks the client's words.
        var glossary = await db.GlossaryTerms.Where(g => g.EngagementId == engagement.Id).Select(g => new GlossaryEntry(g.ClientTerm, g.ProviderTerm, g.Definition)).ToListAsync();
        return new SteeringLog(engagement.Id, issue.Title, internalRisk.Title, made.Title, made.Resolution, due.Title, metric.Name, ReaderWords.ForClientReader(glossary).Text(ahead));
    });
}
