using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Onboarding.Core.Accounts;
using Onboarding.Core.Data;
using Onboarding.Core.Engagements;
using Onboarding.Core.People;
using Onboarding.Core.Templates;
using Onboarding.Tests.Support;

// Load on the two pages people open most, the engagement overview and the plan's checklist, and on the
// account leaders' portfolio, which lists the health of every engagement they lead.
// PostgreSQL with 1,000 engagements of ~100 tasks, the app in Release as its own process on
// Kestrel, one account leader signed in, wrk at 32 connections. Prints "name: value unit".
var engagementCount = IntArgument("--engagements", 1_000);
var connections = IntArgument("--connections", 32);
var seconds = IntArgument("--duration", 20);
const string Leader = "alex.morgan@northstar.example";
const string Password = "correct-horse-battery";

if (!OnPath("wrk"))
{
    Console.Error.WriteLine("wrk, the HTTP load generator, is not installed: apt-get install wrk (Debian package 'wrk').");
    return 2;
}

var root = RepositoryRoot();
var connectionString = Environment.GetEnvironmentVariable("ONBOARDING_BENCH_POSTGRES") is { Length: > 0 } given
    ? await CreateDatabaseAsync(given)
    : await PostgresServer.CreateDatabaseAsync("webload");
var port = FreePort();
var baseAddress = new Uri($"http://127.0.0.1:{port}");

using var app = StartApp(root, connectionString, baseAddress);
try
{
    await WaitUntilHealthyAsync(baseAddress, app);
    var clock = Stopwatch.StartNew();
    var (first, last, tasks) = await SeedAsync(connectionString, engagementCount, Path.Combine(root, "templates"));
    await AnalyzeAsync(connectionString);
    Console.WriteLine($"seed_engagements: {last - first + 1} engagements");
    Console.WriteLine($"seed_tasks: {tasks} tasks");
    Console.WriteLine($"seed_time: {clock.Elapsed.TotalSeconds:0.0} s");

    var cookie = await SignInAsync(baseAddress, Leader, Password);
    // The app keeps each engagement's health until it changes; the first portfolio computes all of them.
    var cold = Stopwatch.StartNew();
    await CheckPageAsync(baseAddress, cookie, "/portfolio");
    Console.WriteLine($"portfolio_first_visit: {cold.Elapsed.TotalMilliseconds:0} ms");
    // The app keeps what the overview and the plan show of an engagement until it changes (both pages
    // share it), so the first visit to each engagement reads it from PostgreSQL and later ones do not.
    // First visits are measured on their own; the wrk runs then measure the steady state.
    var firstVisits = await VisitEachAsync(baseAddress, cookie, "/engagements/%d", first, last, connections);
    Console.WriteLine($"overview_first_visit_requests_per_s: {firstVisits:0.0} req/s");
    var failed = false;
    // The portfolio has no engagement in its path: every request lists all of them.
    foreach (var (name, path) in new[] { ("overview", "/engagements/%d"), ("checklist", "/engagements/%d/plan"), ("portfolio", "/portfolio") })
    {
        await CheckPageAsync(baseAddress, cookie, path.Replace("%d", first.ToString(CultureInfo.InvariantCulture)));
        // A short run first, so JIT, connection pools and caches are warm for the measured one.
        RunWrk(baseAddress, cookie, path, first, last, connections, 5);
        var figures = RunWrk(baseAddress, cookie, path, first, last, connections, seconds);
        var perSecond = figures["requests_per_s"];
        var p95 = figures["p95_ms"];
        Console.WriteLine($"{name}_requests_per_s: {perSecond:0.0} req/s");
        Console.WriteLine($"{name}_p50: {figures["p50_ms"]:0.00} ms");
        Console.WriteLine($"{name}_p95: {p95:0.00} ms");
        Console.WriteLine($"{name}_p99: {figures["p99_ms"]:0.00} ms");
        Console.WriteLine($"{name}_failed_requests: {figures["failed"]:0} requests");
        Console.WriteLine($"{name}_meets_target: {(perSecond >= 500 && p95 < 50 ? "yes" : "no")} (>= 500 req/s and p95 < 50 ms at {connections} connections)");
        failed |= figures["failed"] > 0;
    }
    // Figures from failed requests (errors, redirects) would flatter the app: refuse them.
    return failed ? 1 : 0;
}
finally
{
    app.Kill(entireProcessTree: true);
}

int IntArgument(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
}

static bool OnPath(string program) =>
    (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(dir => File.Exists(Path.Combine(dir, program)));

static string RepositoryRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "Onboarding.sln")))
        {
            return dir.FullName;
        }
    }
    throw new InvalidOperationException("Run the bench from the repository: dotnet run -c Release --project bench/WebLoad");
}

static async Task<string> CreateDatabaseAsync(string adminConnection)
{
    var name = $"webload_{Guid.NewGuid():N}";
    await using var connection = new NpgsqlConnection(adminConnection);
    await connection.OpenAsync();
    await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
    await command.ExecuteNonQueryAsync();
    return new NpgsqlConnectionStringBuilder(adminConnection) { Database = name }.ConnectionString;
}

/// <summary>
/// A database in use has planner statistics (autovacuum analyses tables as they grow); one bulk-loaded
/// a moment ago has none yet, and the planner would guess from empty tables.
/// </summary>
static async Task AnalyzeAsync(string connectionString)
{
    await using var connection = new NpgsqlConnection(connectionString);
    await connection.OpenAsync();
    await using var command = new NpgsqlCommand("ANALYZE", connection);
    await command.ExecuteNonQueryAsync();
}

static int FreePort()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port;
}

/// <summary>The web app built next to this bench, in the same configuration, as its own process.</summary>
static Process StartApp(string root, string connectionString, Uri baseAddress)
{
#if DEBUG
    Console.Error.WriteLine("warning: a Debug build; measure with dotnet run -c Release --project bench/WebLoad");
    const string configuration = "Debug";
#else
    const string configuration = "Release";
#endif
    var web = Path.Combine(root, "Onboarding.Web");
    var dll = Path.Combine(web, "bin", configuration, "net10.0", "Onboarding.Web.dll");
    var start = new ProcessStartInfo("dotnet", $"\"{dll}\"") { WorkingDirectory = web, RedirectStandardOutput = true, RedirectStandardError = true };
    start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
    start.Environment["ASPNETCORE_URLS"] = baseAddress.ToString();
    start.Environment["Database__Provider"] = "Postgres";
    start.Environment["ConnectionStrings__Onboarding"] = connectionString;
    start.Environment["Jobs__RunServer"] = "false";
    start.Environment["Seed__Demo"] = "true";
    start.Environment["Seed__DemoPassword"] = Password;
    start.Environment["Seed__AdminPassword"] = Password;
    start.Environment["Templates__Directory"] = Path.Combine(root, "templates");
    start.Environment["Logging__LogLevel__Default"] = "Warning";
    var process = Process.Start(start)!;
    // Drained so the app never blocks on a full pipe; errors are shown as they come.
    process.OutputDataReceived += (_, _) => { };
    process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { Console.Error.WriteLine($"app: {e.Data}"); } };
    process.BeginOutputReadLine();
    process.BeginErrorReadLine();
    return process;
}

static async Task WaitUntilHealthyAsync(Uri baseAddress, Process app)
{
    using var http = new HttpClient { BaseAddress = baseAddress };
    var deadline = DateTime.UtcNow.AddMinutes(3);
    while (DateTime.UtcNow < deadline)
    {
        if (app.HasExited)
        {
            throw new InvalidOperationException($"The app exited with code {app.ExitCode} before it answered /health.");
        }
        try
        {
            if ((await http.GetAsync("/health")).IsSuccessStatusCode)
            {
                return;
            }
        }
        catch (HttpRequestException)
        {
            // Not listening yet.
        }
        await Task.Delay(500);
    }
    throw new TimeoutException("The app did not answer /health within 3 minutes.");
}

/// <summary>
/// Engagements as the launch form makes them: five people, the three starter templates applied
/// (~100 tasks with dependencies, checklists, milestones, starter glossary), kickoffs spread over
/// the last 90 days with what was due already done. The account leader belongs to all of them.
/// </summary>
static async Task<(int First, int Last, int Tasks)> SeedAsync(string connectionString, int count, string templatesDirectory)
{
    var builder = new DbContextOptionsBuilder<PostgresOnboardingDbContext>();
    builder.UseOnboardingPostgres(connectionString);
    var options = builder.Options;
    var catalog = TemplateCatalog.Load(templatesDirectory);
    var templates = new[] { "rpo-client-launch", "first-time-buyer", "recruiter-onboarding" }
        .Select(key => catalog.Find(key) ?? throw new InvalidOperationException($"The starter template '{key}' is missing or invalid."))
        .ToList();
    var now = TimeProvider.System.GetUtcNow();
    var today = DateOnly.FromDateTime(now.UtcDateTime);
    string[] zones = ["America/New_York", "Europe/London", "Europe/Berlin", "Asia/Singapore"];

    int providerId;
    Person leader;
    await using (var db = new PostgresOnboardingDbContext(options))
    {
        // The app seeds the demo once it listens, so /health can answer before the demo's people exist.
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (!await db.Users.AnyAsync(u => u.Email == Leader))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The app did not seed the demo's {Leader} within 2 minutes.");
            }
            await Task.Delay(250);
        }
        providerId = await db.Organisations.Where(o => o.Kind == OrganisationKind.Provider).Select(o => o.Id).FirstAsync();
        leader = await PersonDirectory.ForUserAsync(db, await db.Users.Where(u => u.Email == Leader).Select(u => u.Id).FirstAsync(), now);
        await db.SaveChangesAsync();
    }

    var ids = new List<int>();
    var tasks = 0;
    const int Batch = 25;
    for (var start = 0; start < count; start += Batch)
    {
        await using var db = new PostgresOnboardingDbContext(options);
        db.Attach(leader);
        var batch = new List<Engagement>();
        for (var i = start; i < Math.Min(count, start + Batch); i++)
        {
            var client = new Organisation { Name = $"Client {i:0000}", Kind = OrganisationKind.Client, ProviderId = providerId, CreatedAt = now };
            var kickoff = today.AddDays(-(i % 90));
            var domain = $"client{i:0000}.example";
            var engagement = new Engagement
            {
                Name = $"Client {i:0000} RPO launch",
                ProviderId = providerId,
                Client = client,
                Kickoff = kickoff,
                GoLive = kickoff.AddDays(35),
                TimeZone = zones[i % zones.Length],
                SharedPurpose = "Together we build the team that takes the client from pilot to **50 sites**, hiring faster without lowering the bar.",
                CreatedAt = now,
                Outcomes =
                [
                    new BusinessOutcome { Title = "Hire 60 engineers by the end of next year", HowMeasured = "Accepted offers against the hiring plan", Position = 0 },
                    new BusinessOutcome { Title = "Cut time to fill from 62 to 40 days", HowMeasured = "Median days from approval to accepted offer", Position = 1 },
                ],
                Members =
                [
                    PersonDirectory.Membership(leader, EngagementRole.AccountLeader, "", now),
                    Contact("Taylor Lead", $"ta@{domain}", EngagementRole.TaLead, now),
                    Contact("Harper Manager", $"hm@{domain}", EngagementRole.HiringManager, now),
                    Contact("Sam Sponsor", $"sponsor@{domain}", EngagementRole.ExecutiveSponsor, now),
                    Contact("Robin Recruiter", $"recruiter@{domain}", EngagementRole.Recruiter, now),
                ],
            };
            var applications = PlanWriter.Applications(templates, engagement.Members);
            PlanWriter.Add(engagement, PlanWriter.Generate(engagement, applications), applications, now);
            foreach (var task in engagement.Tasks)
            {
                if (task.Due < today)
                {
                    task.Status = PlanTaskStatus.Done;
                    task.CompletedAt = now;
                }
                else if (task.Start <= today)
                {
                    task.Status = PlanTaskStatus.InProgress;
                }
            }
            tasks += engagement.Tasks.Count;
            batch.Add(engagement);
        }
        db.Engagements.AddRange(batch);
        await db.SaveChangesAsync();
        ids.AddRange(batch.Select(e => e.Id));
    }
    return (ids.Min(), ids.Max(), tasks);
}

static Member Contact(string name, string email, EngagementRole role, DateTimeOffset now) =>
    PersonDirectory.Membership(PersonDirectory.NewPerson(name, email, "Europe/London", WorkingDays.MondayToFriday, now), role, "", now);

/// <summary>
/// Signs in through the form and returns, as a Cookie header value, what a browser would send
/// next: the authentication cookie and the antiforgery cookie (without it every page would mint
/// a new antiforgery cookie, which no browser makes it do).
/// </summary>
static async Task<string> SignInAsync(Uri baseAddress, string email, string password)
{
    var cookies = new CookieContainer();
    using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = baseAddress };
    var form = await http.GetStringAsync("/sign-in");
    var token = Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
    var response = await http.PostAsync("/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
    {
        ["Email"] = email,
        ["Password"] = password,
        ["__RequestVerificationToken"] = token,
    }));
    var auth = cookies.GetCookies(baseAddress)["onboarding.auth"];
    if (response.StatusCode != HttpStatusCode.Redirect || auth is null)
    {
        throw new InvalidOperationException($"Signing in as {email} failed: {response.StatusCode}.");
    }
    return string.Join("; ", cookies.GetCookies(baseAddress).Select(c => $"{c.Name}={c.Value}"));
}

/// <summary>The page must answer 200 with the engagement in it, or the load figures would measure something else.</summary>
static async Task CheckPageAsync(Uri baseAddress, string cookie, string path)
{
    using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = baseAddress };
    using var request = new HttpRequestMessage(HttpMethod.Get, path);
    request.Headers.Add("Cookie", cookie);
    var response = await http.SendAsync(request);
    var html = await response.Content.ReadAsStringAsync();
    if (response.StatusCode != HttpStatusCode.OK || !html.Contains("RPO launch", StringComparison.Ordinal))
    {
        throw new InvalidOperationException($"GET {path} answered {response.StatusCode} without the engagement in it.");
    }
}

/// <summary>Requests the page of every engagement once, <paramref name="connections"/> at a time; returns requests per second.</summary>
static async Task<double> VisitEachAsync(Uri baseAddress, string cookie, string path, int first, int last, int connections)
{
    using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false, MaxConnectionsPerServer = connections }) { BaseAddress = baseAddress };
    var clock = Stopwatch.StartNew();
    await Parallel.ForEachAsync(Enumerable.Range(first, last - first + 1), new ParallelOptions { MaxDegreeOfParallelism = connections }, async (id, cancel) =>
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path.Replace("%d", id.ToString(CultureInfo.InvariantCulture)));
        request.Headers.Add("Cookie", cookie);
        using var response = await http.SendAsync(request, cancel);
        await response.Content.ReadAsByteArrayAsync(cancel);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET {request.RequestUri} answered {response.StatusCode}.");
        }
    });
    return (last - first + 1) / clock.Elapsed.TotalSeconds;
}

static Dictionary<string, double> RunWrk(Uri baseAddress, string cookie, string path, int first, int last, int connections, int seconds)
{
    var script = Path.Combine(AppContext.BaseDirectory, "pages.lua");
    var start = new ProcessStartInfo("wrk") { RedirectStandardOutput = true, RedirectStandardError = true };
    foreach (var argument in new[]
    {
        "--threads", "2", "--connections", connections.ToString(CultureInfo.InvariantCulture),
        "--duration", $"{seconds}s", "--timeout", "10s", "--latency", "--script", script, "--header", $"Cookie: {cookie}",
        baseAddress.ToString().TrimEnd('/'), "--", path, first.ToString(CultureInfo.InvariantCulture), last.ToString(CultureInfo.InvariantCulture),
    })
    {
        start.ArgumentList.Add(argument);
    }
    using var wrk = Process.Start(start)!;
    var stderr = wrk.StandardError.ReadToEndAsync();
    var output = wrk.StandardOutput.ReadToEnd();
    wrk.WaitForExit();
    if (wrk.ExitCode != 0)
    {
        throw new InvalidOperationException($"wrk failed ({wrk.ExitCode}): {stderr.Result}{output}");
    }
    return Regex.Matches(output, @"^wrk (\w+): ([\d.]+)$", RegexOptions.Multiline)
        .ToDictionary(m => m.Groups[1].Value, m => double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture));
}
