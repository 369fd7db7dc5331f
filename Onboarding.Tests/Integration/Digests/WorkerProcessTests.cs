using System.Diagnostics;
using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Onboarding.Core.Digests;
using Onboarding.Core.Engagements;
using Onboarding.Jobs;
using Onboarding.Jobs.Digests;

namespace Onboarding.Tests.Integration.Digests;

/// <summary>
/// Real processes on the real clock: people in UTC at hour 0 on every day of the week, so their
/// digest is due whenever the test runs.
/// </summary>
public sealed class WorkerProcessTests : IAsyncLifetime
{
    private const int People = 30;
    private DigestWorld world = null!;

    public async Task InitializeAsync()
    {
        world = await DigestWorld.StartAsync(DateTimeOffset.UtcNow);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await world.AddEngagementAsync("Acme launch", today.AddDays(-1),
            Enumerable.Range(1, People).Select(i => new Person($"person{i:00}@acme.example", Zone: "Etc/UTC", Hour: 0, WorkingDays: EveryDay)));
    }

    public async Task DisposeAsync() => await world.DisposeAsync();

    private const WorkingDays EveryDay = WorkingDays.MondayToFriday | WorkingDays.Saturday | WorkingDays.Sunday;

    [Fact]
    public async Task A_run_due_process_killed_mid_run_loses_nothing_when_run_again()
    {
        world.Smtp.AcceptDelay = TimeSpan.FromMilliseconds(150);
        using (var first = Start("digests", "run-due"))
        {
            await WaitForAsync(() => world.Smtp.MessageCount >= 5, TimeSpan.FromSeconds(60), first);
            first.Kill(entireProcessTree: true);
            await first.WaitForExitAsync();
        }
        var afterKill = world.Smtp.MessageCount;
        var stuck = await world.WithDbAsync(db => db.Digests.CountAsync(d => d.Status != DigestStatus.Sent));

        world.Smtp.AcceptDelay = TimeSpan.Zero;
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        // The dead process's claims run out after the lease; a short one here, so the test need not wait ten minutes.
        using var second = Start("digests", "run-due", lease: "00:00:01");
        await second.WaitForExitAsync();
        var output = Output(second);

        Assert.True(afterKill < People && stuck > 0, $"the kill came too late to test anything ({afterKill} sent, {stuck} unsent)");
        Assert.Equal(0, second.ExitCode);
        Assert.Matches(@"digests run-due: recorded 0, sent \d+, failed 0, still pending 0", output);
        var records = await world.WithDbAsync(db => db.Digests.AsNoTracking().ToListAsync());
        Assert.Equal(People, records.Count);
        Assert.All(records, r => Assert.Equal(DigestStatus.Sent, r.Status));
        var received = world.Smtp.Messages.GroupBy(m => m.Recipients.Single()).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(People, received.Count);
        // Only a message the server took in the instant before the kill, not yet marked sent, can go twice.
        Assert.True(received.Values.Count(n => n > 1) <= 1, $"duplicates: {string.Join(", ", received.Where(r => r.Value > 1).Select(r => r.Key))}");
        Assert.All(received.Values, n => Assert.InRange(n, 1, 2));
    }

    [Fact]
    public async Task A_worker_process_runs_the_recurring_dispatcher_and_delivers_everything()
    {
        // The worker registers the schedules itself; the test only asks Hangfire to run the dispatcher now rather than in up to five minutes.
        using var worker = Start("worker");
        var storage = world.Services.GetRequiredService<JobStorage>();
        await WaitForAsync(() => RecurringJobs(storage).Any(j => j.Id == DigestDispatchJob.RecurringId), TimeSpan.FromSeconds(60), worker);
        var schedule = RecurringJobs(storage).Single(j => j.Id == DigestDispatchJob.RecurringId);
        world.Services.GetRequiredService<IRecurringJobManager>().Trigger(DigestDispatchJob.RecurringId);

        await WaitForAsync(() => world.Smtp.MessageCount >= People, TimeSpan.FromSeconds(90), worker);
        worker.Kill(entireProcessTree: true);

        Assert.Equal("*/5 * * * *", schedule.Cron);
        Assert.Equal(People, world.Smtp.Messages.Select(m => m.Recipients.Single()).Distinct().Count());
        Assert.Equal(People, await world.WithDbAsync(db => db.Digests.CountAsync(d => d.Status == DigestStatus.Sent)));
    }

    [Fact]
    public async Task A_worker_serves_digests_on_their_own_queue_with_ten_workers_beside_the_other_jobs()
    {
        using var worker = Start("worker");
        var monitoring = world.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        await WaitForAsync(() => monitoring.Servers().Count >= 2, TimeSpan.FromSeconds(60), worker);
        var servers = monitoring.Servers();
        worker.Kill(entireProcessTree: true);

        Assert.Equal(2, servers.Count);
        Assert.Contains(servers, s => s.Queues.SequenceEqual([JobQueues.Digests]) && s.WorkersCount == 10);
        Assert.Contains(servers, s => s.Queues.SequenceEqual([JobQueues.Default]) && s.WorkersCount >= 2);
    }

    private static List<RecurringJobDto> RecurringJobs(JobStorage storage)
    {
        using var connection = storage.GetConnection();
        return connection.GetRecurringJobs();
    }

    private Process Start(string verb, string? argument = null, string? lease = null)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Onboarding.Web.dll"));
        start.ArgumentList.Add(verb);
        if (argument is not null)
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["Database__Provider"] = "Postgres";
        start.Environment["ConnectionStrings__Onboarding"] = world.ConnectionString;
        start.Environment["Smtp__Host"] = world.Smtp.Host;
        start.Environment["Smtp__Port"] = world.Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["Smtp__Tls"] = "None";
        start.Environment["Site__BaseUrl"] = DigestWorld.BaseUrl;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        if (lease is not null)
        {
            start.Environment["Digests__ClaimLease"] = lease;
        }
        var process = new Process { StartInfo = start };
        var output = new System.Text.StringBuilder();
        outputs[process] = output;
        // Both pipes are drained as the process writes, so a chatty process never blocks on a full one.
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private readonly Dictionary<Process, System.Text.StringBuilder> outputs = [];

    private string Output(Process process)
    {
        var output = outputs[process];
        lock (output)
        {
            return output.ToString();
        }
    }

    private async Task WaitForAsync(Func<bool> condition, TimeSpan timeout, Process process)
    {
        var until = DateTime.UtcNow + timeout;
        while (!condition())
        {
            Assert.False(process.HasExited, $"the process exited early with {(process.HasExited ? process.ExitCode : 0)}: {Output(process)}");
            Assert.True(DateTime.UtcNow < until, $"gave up waiting after {timeout}");
            await Task.Delay(50);
        }
    }
}
