using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Onboarding.Core.Accounts;
using Onboarding.Core.Data;
using Onboarding.Core.Engagements;
using Onboarding.Core.People;
using Onboarding.Jobs;
using Onboarding.Jobs.Digests;
using Onboarding.Jobs.Mail;
using Onboarding.Tests.Support;
using Onboarding.Tests.Support.Smtp;

// 10,000 recipients (1,000 engagements x 10 people) on PostgreSQL: digests recorded by the
// dispatcher, then delivered to a loopback SMTP server, once over reused connections and once
// with a connection per message. The server behaves as a customer's submission relay does
// (STARTTLS with an RSA 2048 certificate, then AUTH), so each new connection costs what it costs
// against a real relay except the network's round trips. Prints one figure per line as "name: value unit".
// PostgreSQL: ONBOARDING_TEST_POSTGRES (a connection string whose user may create databases), or a throwaway cluster.
const int Engagements = 1_000;
const int PeoplePerEngagement = 10;
const int Recipients = Engagements * PeoplePerEngagement;
const int WarmUpEngagements = 20;

var monday = new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero); // 08:00 in London, day 8 of every engagement
var clock = new FakeTimeProvider(monday.AddDays(-4));
await using var smtp = TestSmtpServer.Start(SubmissionSecurity.Relay());
var relay = smtp.Security!;
smtp.RetainMessages = false;
// Both modes go once through a small database of their own first, so that neither measured run pays
// for compiling the code (the reuse run, measured first, would otherwise pay nearly all of it).
await WarmUpAsync();

var connectionString = await PostgresServer.CreateDatabaseAsync("digestbench");
using var reuse = Build(connectionString, perMessageConnection: false);
var seeding = Stopwatch.StartNew();
await CreateAsync(reuse, Engagements);
Console.Error.WriteLine($"seeded {Recipients} recipients in {seeding.Elapsed.TotalSeconds:0.0} s");

var withReuse = await RunAsync(reuse, "reuse");
clock.SetUtcNow(monday.AddDays(1));
using var perMessage = Build(connectionString, perMessageConnection: true);
var withoutReuse = await RunAsync(perMessage, "per_message_connection");

Report("digest_deliver_ratio_reuse_vs_per_message", withReuse.DeliverRate / withoutReuse.DeliverRate, "x");
Report("smtp_only_ratio_reuse_vs_per_message", withReuse.SmtpOnlyRate / withoutReuse.SmtpOnlyRate, "x");
return 0;

async Task WarmUpAsync()
{
    var database = await PostgresServer.CreateDatabaseAsync("digestwarmup");
    using var reuseHost = Build(database, perMessageConnection: false);
    await CreateAsync(reuseHost, WarmUpEngagements);
    // The Thursday and Friday before: the clock only goes forward.
    await RecordAndDeliverAsync(reuseHost, "warm-up with reuse", WarmUpEngagements * PeoplePerEngagement);
    clock.SetUtcNow(monday.AddDays(-3));
    using var perMessageHost = Build(database, perMessageConnection: true);
    await RecordAndDeliverAsync(perMessageHost, "warm-up per message", WarmUpEngagements * PeoplePerEngagement);
    clock.SetUtcNow(monday);
}

async Task<(double DeliverRate, double SmtpOnlyRate)> RunAsync(IHost host, string name)
{
    var connectionsBefore = smtp.ConnectionCount;
    var handshakesBefore = smtp.TlsHandshakeCount;
    var (ids, recorded, delivered) = await RecordAndDeliverAsync(host, name, Recipients);

    // The mail sender alone, on the same messages, without the database: what connection reuse itself is worth.
    var mails = await WithScopeAsync(host, s => OutgoingAsync(s.GetRequiredService<OnboardingDbContext>(), ids.Take(2_000).ToList()));
    var smtpStarted = Stopwatch.GetTimestamp();
    var smtpSent = 0;
    await foreach (var result in host.Services.GetRequiredService<IMailSender>().SendAsync(mails))
    {
        smtpSent += result.Outcome == DeliveryOutcome.Sent ? 1 : 0;
    }
    var smtpOnly = Stopwatch.GetElapsedTime(smtpStarted);
    Check(smtpSent == mails.Count, $"{name}: the sender alone sent {smtpSent} of {mails.Count}");

    Report($"digest_record_{name}", Recipients / recorded.TotalSeconds, "digests/s");
    Report($"digest_deliver_{name}", Recipients / delivered.TotalSeconds, "messages/s");
    Report($"digest_end_to_end_{name}", Recipients / (recorded + delivered).TotalSeconds, "messages/s");
    Report($"smtp_only_{name}", mails.Count / smtpOnly.TotalSeconds, "messages/s");
    Report($"smtp_connections_{name}", smtp.ConnectionCount - connectionsBefore, "connections");
    Report($"smtp_tls_handshakes_{name}", smtp.TlsHandshakeCount - handshakesBefore, "handshakes");
    return (Recipients / delivered.TotalSeconds, mails.Count / smtpOnly.TotalSeconds);
}

async Task<(IReadOnlyList<long> Ids, TimeSpan Recorded, TimeSpan Delivered)> RecordAndDeliverAsync(IHost host, string name, int expected)
{
    var messagesBefore = smtp.MessageCount;
    var started = Stopwatch.GetTimestamp();
    var ids = await WithScopeAsync(host, s => s.GetRequiredService<DigestDispatcher>().RecordDueAsync(CancellationToken.None));
    var recorded = Stopwatch.GetElapsedTime(started);
    Check(ids.Count == expected, $"{name}: recorded {ids.Count} digests, expected {expected}");

    var delivering = Stopwatch.GetTimestamp();
    var sent = 0;
    foreach (var batch in ids.Chunk(200))
    {
        sent += (await WithScopeAsync(host, s => s.GetRequiredService<DigestDelivery>().DeliverAsync(batch, CancellationToken.None))).Sent;
    }
    var delivered = Stopwatch.GetElapsedTime(delivering);
    Check(sent == expected && smtp.MessageCount - messagesBefore == expected, $"{name}: sent {sent}, the server took {smtp.MessageCount - messagesBefore}");
    return (ids, recorded, delivered);
}

static async Task CreateAsync(IHost host, int engagements)
{
    await WithScopeAsync(host, async s =>
    {
        await s.GetRequiredService<OnboardingDbContext>().Database.MigrateAsync();
        return true;
    });
    await WithScopeAsync(host, s => SeedAsync(s.GetRequiredService<OnboardingDbContext>(), engagements));
}

IHost Build(string connectionString, bool perMessageConnection)
{
    var builder = Host.CreateApplicationBuilder();
    builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Database:Provider"] = "Postgres",
        ["ConnectionStrings:Onboarding"] = connectionString,
        ["Jobs:RunServer"] = "false",
        ["Smtp:Host"] = smtp.Host,
        ["Smtp:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
        ["Smtp:Tls"] = "StartTls",
        ["Smtp:Username"] = relay.Username,
        ["Smtp:Password"] = relay.Password,
        // The relay's certificate is self-signed: trusted here, and only here, by pinning it.
        ["Smtp:TrustedCertificateSha256"] = TestCertificate.Sha256(relay.Certificate),
        ["Smtp:From"] = "Northstar Talent <digests@northstar.example>",
        ["Smtp:PerMessageConnection"] = perMessageConnection ? "true" : "false",
        ["Site:BaseUrl"] = "https://onboarding.example",
    });
    builder.Logging.SetMinimumLevel(LogLevel.Warning);
    // Migrating a new database logs its missing history table as an error; that is expected here.
    builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.None);
    builder.AddOnboardingData();
    builder.AddOnboardingJobs();
    builder.Services.RemoveAll<TimeProvider>();
    builder.Services.AddSingleton<TimeProvider>(clock);
    return builder.Build();
}

static async Task<T> WithScopeAsync<T>(IHost host, Func<IServiceProvider, Task<T>> action)
{
    await using var scope = host.Services.CreateAsyncScope();
    return await action(scope.ServiceProvider);
}

static async Task<List<OutgoingMail>> OutgoingAsync(OnboardingDbContext db, List<long> ids) =>
    (await db.Digests.AsNoTracking().Where(d => ids.Contains(d.Id)).ToListAsync())
        .Select(d => new OutgoingMail(MailMessages.LocalPart(new(d.Recipient, d.Period)), d.Recipient, d.Recipient, d.Subject, d.HtmlBody, d.TextBody, "https://onboarding.example/digests/unsubscribe/bench"))
        .ToList();

// Each engagement: ten people in three zones that share 08:00 UTC in November, each owning a task
// coming up and every third an overdue one, a blocked task, a reached milestone, two glossary terms.
static async Task<bool> SeedAsync(OnboardingDbContext db, int engagements)
{
    var kickoff = new DateOnly(2026, 11, 16);
    var today = new DateOnly(2026, 11, 23);
    var provider = new Organisation { Name = "Northstar Talent Partners", Kind = OrganisationKind.Provider, BrandColour = "#1f5f8b" };
    db.Organisations.Add(provider);
    await db.SaveChangesAsync();
    string[] zones = ["Europe/London", "Europe/Lisbon", "Africa/Abidjan"];
    for (var chunk = 0; chunk < engagements; chunk += 50)
    {
        for (var e = chunk; e < Math.Min(chunk + 50, engagements); e++)
        {
            var engagement = new Engagement
            {
                Name = $"Client {e:0000} RPO launch",
                Provider = provider,
                Client = new Organisation { Name = $"Client {e:0000}", Kind = OrganisationKind.Client, Provider = provider },
                Kickoff = kickoff,
                GoLive = kickoff.AddDays(45),
                TimeZone = "Europe/London",
                Glossary =
                [
                    new GlossaryTerm { ClientTerm = "Req", ProviderTerm = "Job order", Definition = "An approved, budgeted opening." },
                    new GlossaryTerm { ClientTerm = "Time to hire", ProviderTerm = "Time to fill", Definition = "Days from approval to **accepted offer**." },
                ],
                Members = Enumerable.Range(0, PeoplePerEngagement).Select(p => PersonDirectory.Membership(
                    PersonDirectory.NewPerson($"Person {p} of client {e:0000}", $"p{p}.c{e:0000}@client{e:0000}.example", zones[p % zones.Length], WorkingDays.MondayToFriday, DateTimeOffset.UnixEpoch),
                    p == 0 ? EngagementRole.AccountLeader : (EngagementRole)(1 + p % 4), "", DateTimeOffset.UnixEpoch)).ToList(),
            };
            db.Engagements.Add(engagement);
            foreach (var (member, p) in engagement.Members.Select((m, i) => (m, i)))
            {
                engagement.Tasks.Add(Task(engagement, member, $"Share interview slots for role {p}", today, today.AddDays(2), PlanTaskStatus.ToDo));
                if (p % 3 == 0)
                {
                    engagement.Tasks.Add(Task(engagement, member, $"Approve the job description for role {p}", today.AddDays(-5), today.AddDays(-2), PlanTaskStatus.InProgress));
                }
            }
            engagement.Tasks.Add(Task(engagement, engagement.Members[1], "Grant ATS access", today.AddDays(-3), today.AddDays(1), PlanTaskStatus.Blocked));
            var kickoffTask = Task(engagement, engagement.Members[0], "Kickoff workshop", kickoff, kickoff.AddDays(1), PlanTaskStatus.Done);
            kickoffTask.CompletedAt = new DateTimeOffset(2026, 11, 20, 15, 0, 0, TimeSpan.Zero);
            engagement.Tasks.Add(kickoffTask);
            engagement.Milestones.Add(new Milestone { Title = "Kickoff held", Date = kickoff.AddDays(1), Task = kickoffTask, ReachedAt = kickoffTask.CompletedAt });
            engagement.Milestones.Add(new Milestone { Title = "First hires start", Date = kickoff.AddDays(40) });
        }
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        // Re-attach the provider for the next chunk without inserting it again.
        db.Attach(provider);
    }
    return true;

    static PlanTask Task(Engagement engagement, Member owner, string title, DateOnly start, DateOnly due, PlanTaskStatus status) => new()
    {
        Engagement = engagement,
        Key = $"bench/{Guid.NewGuid():N}",
        Title = title,
        PhaseKey = "learn",
        PhaseTitle = "Days 1–30",
        Start = start,
        Due = due,
        OwnerRole = owner.Role,
        Owner = owner,
        Status = status,
        BlockedReason = status == PlanTaskStatus.Blocked ? "Waiting for IT" : null,
        What = "Add **three** slots to the shared calendar.",
        Why = "Candidates wait less when slots are ready, and the best ones do not wait long.",
    };
}

static void Report(string name, double value, string unit) =>
    Console.WriteLine($"{name}: {value.ToString("0.##", CultureInfo.InvariantCulture)} {unit}");

static void Check(bool condition, string message)
{
    if (!condition)
    {
        throw new InvalidOperationException(message);
    }
}
