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
using Onboarding.Tests.Support;
using Onboarding.Tests.Support.Smtp;

namespace Onboarding.Tests.Integration.Digests;

/// <summary>A person to seed: digests at <paramref name="Hour"/> in <paramref name="Zone"/>.</summary>
public sealed record Person(string Email, EngagementRole Role = EngagementRole.HiringManager, string Zone = "Europe/London", int Hour = 8,
    DigestPreference Preference = DigestPreference.Cadence, bool HasTask = true, WorkingDays WorkingDays = WorkingDays.MondayToFriday);

/// <summary>
/// The jobs side of the app as the worker builds it (data, Hangfire, mail, digests) on a fresh
/// PostgreSQL database, mailing a real SMTP server on a socket, with a fake clock.
/// </summary>
public sealed class DigestWorld : IAsyncDisposable
{
    public const string BaseUrl = "https://onboarding.example";
    private readonly List<IHost> hosts = [];

    private DigestWorld(DatabaseProvider provider, string connectionString, FakeTimeProvider clock, TestSmtpServer smtp)
    {
        Provider = provider;
        ConnectionString = connectionString;
        Clock = clock;
        Smtp = smtp;
    }

    public DatabaseProvider Provider { get; }
    public string ConnectionString { get; }
    public FakeTimeProvider Clock { get; }
    public TestSmtpServer Smtp { get; }

    /// <summary>The first host's services; <see cref="StartHost"/> makes more, as more worker nodes.</summary>
    public IServiceProvider Services => hosts[0].Services;

    /// <summary>On PostgreSQL, or on a SQLite file as the embedded default runs.</summary>
    public static async Task<DigestWorld> StartAsync(DateTimeOffset now, DatabaseProvider provider = DatabaseProvider.Postgres)
    {
        var connectionString = provider == DatabaseProvider.Postgres
            ? await PostgresServer.CreateDatabaseAsync("digests")
            : $"Data Source={Path.Combine(Path.GetTempPath(), $"digests-{Guid.NewGuid():N}.db")};Pooling=false";
        var world = new DigestWorld(provider, connectionString, new FakeTimeProvider(now), TestSmtpServer.Start());
        world.StartHost(runHangfire: false);
        // As the migrate verb does (the app's own connections never create the SQLite file), job storage included.
        await world.WithDbAsync(db => DatabaseSetup.MigrateAsync(db));
        return world;
    }

    /// <summary>On a PostgreSQL database that the <c>migrate</c> verb built, for tests of real processes.</summary>
    public static DigestWorld Attach(string connectionString, DateTimeOffset now)
    {
        var world = new DigestWorld(DatabaseProvider.Postgres, connectionString, new FakeTimeProvider(now), TestSmtpServer.Start());
        world.StartHost(runHangfire: false);
        return world;
    }

    public IHost StartHost(bool runHangfire, Action<IDictionary<string, string?>>? settings = null)
    {
        var builder = Host.CreateApplicationBuilder();
        var values = new Dictionary<string, string?>
        {
            ["Database:Provider"] = Provider.ToString(),
            ["Database:DataDirectory"] = Path.GetTempPath(),
            ["ConnectionStrings:Onboarding"] = ConnectionString,
            ["Jobs:RunServer"] = runHangfire ? "true" : "false",
            ["Jobs:WorkerCount"] = "2",
            ["Smtp:Host"] = Smtp.Host,
            ["Smtp:Port"] = Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Smtp:Tls"] = "None",
            ["Smtp:From"] = "Northstar Talent <digests@northstar.example>",
            ["Site:BaseUrl"] = BaseUrl,
        };
        settings?.Invoke(values);
        builder.Configuration.AddInMemoryCollection(values);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddOnboardingData();
        builder.AddOnboardingJobs();
        builder.Services.RemoveAll<TimeProvider>();
        builder.Services.AddSingleton<TimeProvider>(Clock);
        var host = builder.Build();
        hosts.Add(host);
        return host;
    }

    public Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> action) => WithScopeAsync(Services, action);

    public static async Task<T> WithScopeAsync<T>(IServiceProvider services, Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    public Task WithDbAsync(Func<OnboardingDbContext, Task> action) =>
        WithScopeAsync<bool>(async s =>
        {
            await action(s.GetRequiredService<OnboardingDbContext>());
            return true;
        });

    public Task<T> WithDbAsync<T>(Func<OnboardingDbContext, Task<T>> action) =>
        WithScopeAsync(s => action(s.GetRequiredService<OnboardingDbContext>()));

    /// <summary>
    /// An engagement that kicked off on <paramref name="kickoff"/> with these people; each with a
    /// task gets one due two days after the clock's date, so they have something coming up.
    /// </summary>
    public Task<int> AddEngagementAsync(string name, DateOnly kickoff, IEnumerable<Person> people, EngagementStatus status = EngagementStatus.Active) =>
        WithDbAsync(async db =>
        {
            var provider = await db.Organisations.FirstOrDefaultAsync(o => o.Kind == OrganisationKind.Provider)
                ?? new Organisation { Name = "Northstar Talent Partners", Kind = OrganisationKind.Provider, BrandColour = "#0b6e4f" };
            var client = new Organisation { Name = $"{name} client", Kind = OrganisationKind.Client, Provider = provider };
            // Someone already seeded in another engagement is the same person, with the clock they already have.
            var known = await PersonDirectory.FindAsync(db, people.Select(p => p.Email));
            Member Membership(Person p)
            {
                var member = known.TryGetValue(AccountRules.NormaliseEmail(p.Email), out var person)
                    ? PersonDirectory.Membership(person, p.Role, "", DateTimeOffset.UnixEpoch)
                    : TestPeople.NewMember(NameOf(p.Email), p.Email, p.Role, p.Zone, digestHour: p.Hour, workingDays: p.WorkingDays);
                member.DigestPreference = p.Preference;
                return member;
            }
            var engagement = new Engagement
            {
                Name = name,
                Provider = provider,
                Client = client,
                Kickoff = kickoff,
                GoLive = kickoff.AddDays(30),
                TimeZone = "Europe/London",
                Status = status,
                Members = people.Select(p => Membership(p)).ToList(),
            };
            db.Engagements.Add(engagement);
            await db.SaveChangesAsync();
            var today = DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);
            foreach (var (member, person) in engagement.Members.Zip(people).Where(x => x.Second.HasTask))
            {
                db.PlanTasks.Add(new PlanTask
                {
                    EngagementId = engagement.Id,
                    Key = $"test/{Guid.NewGuid():N}",
                    Title = $"Prepare the intake for {member.Name} in {name}",
                    PhaseKey = "learn",
                    PhaseTitle = "Days 1–30",
                    Start = today,
                    Due = today.AddDays(2),
                    OwnerRole = member.Role,
                    OwnerId = member.Id,
                    What = "Write down what the role needs.",
                    Why = "A clear intake halves the time to a shortlist.",
                });
            }
            await db.SaveChangesAsync();
            return engagement.Id;
        });

    public static string NameOf(string email) => email.Split('@')[0].Replace('.', ' ');

    public async ValueTask DisposeAsync()
    {
        foreach (var host in hosts)
        {
            await host.StopAsync();
            host.Dispose();
        }
        await Smtp.DisposeAsync();
        if (Provider == DatabaseProvider.Sqlite)
        {
            File.Delete(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(ConnectionString).DataSource);
        }
    }
}
