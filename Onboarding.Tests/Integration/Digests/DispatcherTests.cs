using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MimeKit;
using Onboarding.Core.Digests;
using Onboarding.Core.Engagements;
using Onboarding.Jobs.Digests;

namespace Onboarding.Tests.Integration.Digests;

/// <summary>The dispatcher and delivery on real PostgreSQL, mailing the test SMTP server over a socket.</summary>
public sealed class DispatcherTests : IAsyncLifetime
{
    // Monday 23 November 2026, one minute before 08:00 in London (GMT): day 8 of an engagement that started on the 16th.
    private static readonly DateTimeOffset BeforeEight = new(2026, 11, 23, 7, 59, 0, TimeSpan.Zero);
    private static readonly DateOnly Kickoff = new(2026, 11, 16);
    private DigestWorld world = null!;

    public async Task InitializeAsync() => world = await DigestWorld.StartAsync(BeforeEight);

    public async Task DisposeAsync() => await world.DisposeAsync();

    [Fact]
    public async Task A_due_digest_is_recorded_once_and_delivery_sends_it_with_one_click_unsubscribe()
    {
        await world.AddEngagementAsync("Acme launch", Kickoff, [new("ada@acme.example"), new("bo@acme.example"), new("cy@acme.example")]);

        Assert.Empty(await RecordDueAsync());
        world.Clock.SetUtcNow(BeforeEight.AddMinutes(1));
        var recorded = await RecordDueAsync();
        world.Clock.Advance(TimeSpan.FromMinutes(5));
        var again = await RecordDueAsync();
        var summary = await DeliverAsync(recorded);

        Assert.Equal(3, recorded.Count);
        Assert.Empty(again);
        Assert.Equal(new DeliverySummary(3, 0, 0), summary);
        Assert.Equal(["ada@acme.example", "bo@acme.example", "cy@acme.example"], world.Smtp.Messages.SelectMany(m => m.Recipients).Order());
        var mail = world.Smtp.Messages.Select(m => m.Parse()).Single(m => m.To.Mailboxes.Single().Address == "ada@acme.example");
        Assert.StartsWith("Acme launch · day 8: 1 thing this week", mail.Subject);
        var token = await world.WithDbAsync(db => db.Members.Where(m => m.Email == "ada@acme.example").Select(m => m.UnsubscribeToken).SingleAsync());
        Assert.Equal($"<{DigestWorld.BaseUrl}/digests/unsubscribe/{token}>", mail.Headers[HeaderId.ListUnsubscribe]);
        Assert.Equal("List-Unsubscribe=One-Click", mail.Headers[HeaderId.ListUnsubscribePost]);
        Assert.Contains("Prepare the intake for ada in Acme launch", mail.TextBody);
        var records = await world.WithDbAsync(db => db.Digests.AsNoTracking().ToListAsync());
        Assert.All(records, r => Assert.Equal((DigestStatus.Sent, 1, new DateOnly(2026, 11, 23)), (r.Status, r.Attempts, r.Period)));
        Assert.Equal(records.Single(r => r.Recipient == "ada@acme.example").MessageId, mail.MessageId);
    }

    [Fact]
    public async Task Each_person_gets_theirs_at_their_own_local_hour()
    {
        await world.AddEngagementAsync("Acme launch", Kickoff,
            [new("london@acme.example"), new("chicago@acme.example", Zone: "America/Chicago"), new("tokyo@acme.example", Zone: "Asia/Tokyo", Hour: 17)]);

        // 08:00 UTC is 17:00 in Tokyo and 08:00 in London; Chicago's 08:00 is 14:00 UTC.
        world.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));
        var morning = await RecordedRecipientsAsync();
        world.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 23, 14, 0, 0, TimeSpan.Zero));
        var afternoon = await RecordedRecipientsAsync();

        Assert.Equal(["london@acme.example", "tokyo@acme.example"], morning.Order());
        Assert.Equal(["chicago@acme.example"], afternoon);
    }

    [Fact]
    public async Task Someone_in_two_engagements_gets_one_digest_with_a_section_for_each()
    {
        await world.AddEngagementAsync("Acme launch", Kickoff, [new("ada@acme.example", EngagementRole.AccountLeader)]);
        await world.AddEngagementAsync("Globex launch", Kickoff.AddDays(3), [new("Ada@Acme.example", EngagementRole.AccountLeader)]);
        world.Clock.SetUtcNow(BeforeEight.AddMinutes(1));

        var recorded = await RecordDueAsync();
        await DeliverAsync(recorded);

        var mail = Assert.Single(world.Smtp.Messages).Parse();
        Assert.Equal("Acme launch (day 8) + Globex launch (day 5): 2 things this week", mail.Subject);
        Assert.Contains("=== Acme launch · day 8", mail.TextBody);
        Assert.Contains("=== Globex launch · day 5", mail.TextBody);
    }

    [Fact]
    public async Task Closed_engagements_opted_out_people_and_nothing_to_say_send_nothing()
    {
        await world.AddEngagementAsync("Closed one", Kickoff, [new("closed@acme.example")], EngagementStatus.Closed);
        await world.AddEngagementAsync("Quiet one", Kickoff,
            [new("none@acme.example", Preference: DigestPreference.None), new("idle@acme.example", HasTask: false), new("busy@acme.example")]);
        world.Clock.SetUtcNow(BeforeEight.AddMinutes(1));

        Assert.Equal(["busy@acme.example"], await RecordedRecipientsAsync());
    }

    [Fact]
    public async Task Weekly_only_gets_the_first_working_day_of_the_week_only()
    {
        await world.AddEngagementAsync("Acme launch", Kickoff, [new("weekly@acme.example", Preference: DigestPreference.WeeklyOnly)]);

        world.Clock.SetUtcNow(BeforeEight.AddMinutes(1));
        var monday = await RecordedRecipientsAsync();
        world.Clock.Advance(TimeSpan.FromDays(1));
        var tuesday = await RecordedRecipientsAsync();

        Assert.Equal(["weekly@acme.example"], monday);
        Assert.Empty(tuesday);
    }

    [Fact]
    public async Task Smtp_down_for_a_while_loses_nothing_and_the_digests_go_out_when_it_returns()
    {
        await world.AddEngagementAsync("Acme launch", Kickoff, [new("ada@acme.example"), new("bo@acme.example")]);
        world.Clock.SetUtcNow(BeforeEight.AddMinutes(1));
        var recorded = (await RecordDueAsync()).ToArray();
        await world.Smtp.StopAsync();

        // Hangfire runs the delivery job, which throws while digests are left, and retries it later with backoff.
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            await Assert.ThrowsAsync<DigestsNotSentException>(() => RunDeliveryJobAsync(recorded));
            world.Clock.Advance(TimeSpan.FromMinutes(20));
        }
        var waiting = await world.WithDbAsync(db => db.Digests.AsNoTracking().ToListAsync());
        world.Smtp.Restart();
        await RunDeliveryJobAsync(recorded);

        Assert.All(waiting, r => Assert.Equal((DigestStatus.Pending, 3), (r.Status, r.Attempts)));
        Assert.All(waiting, r => Assert.Contains("Cannot reach", r.LastError));
        Assert.Equal(["ada@acme.example", "bo@acme.example"], world.Smtp.Messages.SelectMany(m => m.Recipients).Order());
        var sent = await world.WithDbAsync(db => db.Digests.AsNoTracking().ToListAsync());
        Assert.All(sent, r => Assert.Equal((DigestStatus.Sent, 4, (string?)null), (r.Status, r.Attempts, r.LastError)));
    }

    [Fact]
    public async Task A_permanent_rejection_shows_as_failed_with_the_error_and_is_not_retried()
    {
        await world.AddEngagementAsync("Acme launch", Kickoff, [new("gone@acme.example")]);
        world.Clock.SetUtcNow(BeforeEight.AddMinutes(1));
        var recorded = (await RecordDueAsync()).ToArray();
        world.Smtp.RcptToReply = "550 5.1.1 No such user here";

        await RunDeliveryJobAsync(recorded);
        world.Smtp.RcptToReply = null;
        await RunDeliveryJobAsync(recorded);

        var record = await world.WithDbAsync(db => db.Digests.AsNoTracking().SingleAsync());
        Assert.Equal((DigestStatus.Failed, 1), (record.Status, record.Attempts));
        Assert.StartsWith("550 ", record.LastError);
        Assert.Contains("No such user here", record.LastError);
        Assert.Equal(0, world.Smtp.MessageCount);
    }

    [Fact]
    public async Task A_digest_that_keeps_failing_for_a_passing_reason_fails_after_the_last_attempt()
    {
        await world.AddEngagementAsync("Acme launch", Kickoff, [new("busy@acme.example")]);
        world.Clock.SetUtcNow(BeforeEight.AddMinutes(1));
        var recorded = (await RecordDueAsync()).ToArray();
        world.Smtp.RcptToReply = "450 4.2.1 Mailbox busy";

        for (var attempt = 1; attempt < DigestDelivery.MaxAttempts; attempt++)
        {
            await Assert.ThrowsAsync<DigestsNotSentException>(() => RunDeliveryJobAsync(recorded));
        }
        await RunDeliveryJobAsync(recorded);

        var record = await world.WithDbAsync(db => db.Digests.AsNoTracking().SingleAsync());
        Assert.Equal((DigestStatus.Failed, DigestDelivery.MaxAttempts), (record.Status, record.Attempts));
        Assert.Equal($"Gave up after {DigestDelivery.MaxAttempts} attempts: 450 Mailbox busy", record.LastError!.Replace(" 4.2.1", ""));
    }

    [Fact]
    public async Task Two_dispatchers_at_once_never_record_or_send_a_key_twice()
    {
        var people = Enumerable.Range(1, 40).Select(i => new Person($"person{i}@acme.example")).ToList();
        await world.AddEngagementAsync("Acme launch", Kickoff, people);
        // A second node: its own services, database connections and SMTP connection.
        var other = world.StartHost(runHangfire: false);

        for (var day = 0; day < 3; day++)
        {
            world.Clock.SetUtcNow(BeforeEight.AddMinutes(1).AddDays(day));
            await Task.WhenAll(
                Task.Run(() => DigestWorld.WithScopeAsync(world.Services, s => s.GetRequiredService<DigestDispatcher>().RunDueAsync(CancellationToken.None))),
                Task.Run(() => DigestWorld.WithScopeAsync(other.Services, s => s.GetRequiredService<DigestDispatcher>().RunDueAsync(CancellationToken.None))));
        }

        var received = world.Smtp.Messages.Select(m => m.Parse().MessageId).ToList();
        Assert.Equal(40 * 3, received.Count);
        Assert.Equal(received.Count, received.Distinct().Count());
        var records = await world.WithDbAsync(db => db.Digests.AsNoTracking().ToListAsync());
        Assert.Equal(40 * 3, records.Count);
        Assert.All(records, r => Assert.Equal((DigestStatus.Sent, 1), (r.Status, r.Attempts)));
    }

    [Fact]
    public async Task A_claim_held_past_half_its_lease_is_renewed_so_another_worker_never_takes_it()
    {
        await world.AddEngagementAsync("Acme launch", Kickoff, Enumerable.Range(1, 30).Select(i => new Person($"person{i}@acme.example")));
        world.Clock.SetUtcNow(BeforeEight.AddMinutes(1));
        var recorded = await RecordDueAsync();
        // Two more worker nodes on the shared clock, whose every reading now moves it on a minute: the
        // chunk of 30 is held for far longer than its 30-minute lease while its messages go one by one.
        var first = world.StartHost(runHangfire: false, s => s["Digests:ClaimLease"] = "00:30:00");
        var other = world.StartHost(runHangfire: false, s => s["Digests:ClaimLease"] = "00:30:00");
        world.Smtp.AcceptDelay = TimeSpan.FromMilliseconds(20);
        world.Clock.AutoAdvanceAmount = TimeSpan.FromMinutes(1);

        var delivering = Task.Run(() => DigestWorld.WithScopeAsync(first.Services, s => s.GetRequiredService<DigestDelivery>().DeliverAsync(recorded, CancellationToken.None)));
        while (world.Smtp.MessageCount == 0 && !delivering.IsCompleted)
        {
            // The first node has claimed the chunk once it is sending.
            await Task.Delay(10);
        }
        var takenByOther = new DeliverySummary(0, 0, 0);
        while (!delivering.IsCompleted)
        {
            takenByOther += await DigestWorld.WithScopeAsync(other.Services, s => s.GetRequiredService<DigestDelivery>().DeliverAsync(recorded, CancellationToken.None));
            await Task.Delay(200);
        }
        var summary = await delivering;
        world.Clock.AutoAdvanceAmount = TimeSpan.Zero;

        Assert.Equal(new DeliverySummary(30, 0, 0), summary);
        Assert.Equal(new DeliverySummary(0, 0, 0), takenByOther);
        Assert.Equal(30, world.Smtp.Messages.Select(m => m.Recipients.Single()).Distinct().Count());
        Assert.Equal(30, world.Smtp.MessageCount);
        var records = await world.WithDbAsync(db => db.Digests.AsNoTracking().ToListAsync());
        Assert.All(records, r => Assert.Equal((DigestStatus.Sent, 1), (r.Status, r.Attempts)));
        // Renewed: the last digest's claim is much later than the first's, which was taken with the chunk.
        Assert.True(records.Max(r => r.ClaimedAt) - records.Min(r => r.ClaimedAt) > TimeSpan.FromMinutes(15));
    }

    [Fact]
    public async Task Each_message_is_recorded_as_sent_while_the_rest_of_its_chunk_is_still_going_out()
    {
        await world.AddEngagementAsync("Acme launch", Kickoff, Enumerable.Range(1, 12).Select(i => new Person($"person{i}@acme.example")));
        world.Clock.SetUtcNow(BeforeEight.AddMinutes(1));
        var recorded = await RecordDueAsync();
        world.Smtp.AcceptDelay = TimeSpan.FromMilliseconds(300);

        var delivering = Task.Run(() => DeliverAsync(recorded));
        var (taken, marked) = (0, 0);
        while (taken < 6 && !delivering.IsCompleted)
        {
            await Task.Delay(20);
            taken = world.Smtp.MessageCount;
            // Read after the server's count: anything it took by then is recorded within a round trip or two.
            await Task.Delay(100);
            marked = await world.WithDbAsync(db => db.Digests.CountAsync(d => d.Status == DigestStatus.Sent));
        }
        var stillSending = !delivering.IsCompleted;
        var summary = await delivering;

        Assert.True(stillSending, "delivery finished before the check: nothing was left in flight");
        // The check took at least 100 ms of the 300 the server spends on each message, so at most one more was taken since.
        Assert.InRange(marked, taken, taken + 1);
        Assert.Equal(new DeliverySummary(12, 0, 0), summary);
    }

    [Fact]
    public async Task Losing_the_database_mid_chunk_stops_sending_what_could_not_be_recorded()
    {
        await world.AddEngagementAsync("Acme launch", Kickoff, Enumerable.Range(1, 12).Select(i => new Person($"person{i}@acme.example")));
        world.Clock.SetUtcNow(BeforeEight.AddMinutes(1));
        var recorded = await RecordDueAsync();
        const string worker = "delivery-losing-its-database";
        var node = world.StartHost(runHangfire: false, s => s["ConnectionStrings:Onboarding"] = $"{world.ConnectionString};Application Name={worker}");
        world.Smtp.AcceptDelay = TimeSpan.FromMilliseconds(200);

        var delivering = Task.Run(() => DigestWorld.WithScopeAsync(node.Services, s => s.GetRequiredService<DigestDelivery>().DeliverAsync(recorded, CancellationToken.None)));
        while (world.Smtp.MessageCount < 3 && !delivering.IsCompleted)
        {
            await Task.Delay(10);
        }
        await world.WithDbAsync(db => db.Database.ExecuteSqlAsync($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = {worker}"));
        var takenWhenCut = world.Smtp.MessageCount;

        await Assert.ThrowsAnyAsync<Exception>(() => delivering);
        // After the cut: the message going out then, whose outcome write fails, and the one sent while that write ran.
        Assert.InRange(world.Smtp.MessageCount, takenWhenCut, takenWhenCut + 2);
        var records = await world.WithDbAsync(db => db.Digests.AsNoTracking().ToListAsync());
        // What the relay had taken by the cut is recorded, unless the cut fell on the last one's write.
        Assert.InRange(records.Count(r => r.Status == DigestStatus.Sent), takenWhenCut - 1, takenWhenCut);
        // The rest stay claimed until the lease runs out, then go out with the next delivery.
        Assert.All(records.Where(r => r.Status != DigestStatus.Sent), r => Assert.Equal(DigestStatus.Sending, r.Status));
    }

    [Fact]
    public async Task A_dispatch_run_stopped_after_its_first_batch_leaves_nothing_stranded()
    {
        await world.AddEngagementAsync("Acme launch", Kickoff, Enumerable.Range(1, 15).Select(i => new Person($"person{i}@acme.example")));
        var node = world.StartHost(runHangfire: false, s => s["Digests:BatchSize"] = "5");
        world.Clock.SetUtcNow(BeforeEight.AddMinutes(1));
        // Stopped (SIGTERM) as the first batch is handed to delivery, and that delivery job then lost, as a kill -9
        // between the commit and the enqueue would lose it.
        using var stopping = new CancellationTokenSource();
        var stopped = new RecordingJobClient(stopping.Cancel);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => RunDispatchJobAsync(node, stopped, stopping.Token));
        var recordedWhenStopped = await world.WithDbAsync(db => db.Digests.OrderBy(d => d.Id).Select(d => d.Id).ToListAsync());
        // The next run of the schedule records the rest and takes up the batch nobody claimed.
        world.Clock.Advance(Onboarding.Jobs.JobSchedules.DigestDispatchInterval);
        var next = new RecordingJobClient();
        await RunDispatchJobAsync(node, next, CancellationToken.None);
        foreach (var batch in next.Batches)
        {
            await RunDeliveryJobAsync(batch);
        }

        Assert.Equal(5, recordedWhenStopped.Count);
        Assert.Equal(recordedWhenStopped, Assert.Single(stopped.Batches));
        Assert.Equal(15, next.Batches.SelectMany(b => b).Distinct().Count());
        Assert.Subset(next.Batches.SelectMany(b => b).ToHashSet(), recordedWhenStopped.ToHashSet());
        Assert.Equal(15, world.Smtp.Messages.Select(m => m.Recipients.Single()).Distinct().Count());
        Assert.Equal(15, world.Smtp.MessageCount);
        var records = await world.WithDbAsync(db => db.Digests.AsNoTracking().ToListAsync());
        Assert.All(records, r => Assert.Equal((DigestStatus.Sent, 1), (r.Status, r.Attempts)));
    }

    [Fact]
    public async Task A_delivery_stopped_mid_chunk_hands_back_its_claims_at_once()
    {
        await world.AddEngagementAsync("Acme launch", Kickoff, Enumerable.Range(1, 12).Select(i => new Person($"person{i}@acme.example")));
        world.Clock.SetUtcNow(BeforeEight.AddMinutes(1));
        var recorded = (await RecordDueAsync()).ToArray();
        world.Smtp.AcceptDelay = TimeSpan.FromMilliseconds(200);
        using var stopping = new CancellationTokenSource();

        var delivering = Task.Run(() => world.WithScopeAsync<bool>(async s =>
        {
            await s.GetRequiredService<DigestDeliveryJob>().RunAsync(recorded, null, stopping.Token);
            return true;
        }));
        while (world.Smtp.MessageCount < 3 && !delivering.IsCompleted)
        {
            await Task.Delay(10);
        }
        await stopping.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => delivering);
        var handedBack = await world.WithDbAsync(db => db.Digests.AsNoTracking().ToListAsync());
        var takenWhenStopped = world.Smtp.MessageCount;
        world.Smtp.AcceptDelay = TimeSpan.Zero;
        // No lease to wait out: the retry, at the same instant, sends the rest.
        await RunDeliveryJobAsync(recorded);

        Assert.DoesNotContain(handedBack, r => r.Status == DigestStatus.Sending);
        Assert.Contains(handedBack, r => r.Status == DigestStatus.Pending);
        // The message in flight when the stop came may have reached the server unrecorded, and go again.
        Assert.InRange(handedBack.Count(r => r.Status == DigestStatus.Sent), takenWhenStopped - 1, takenWhenStopped);
        Assert.Equal(12, world.Smtp.Messages.Select(m => m.Recipients.Single()).Distinct().Count());
        Assert.InRange(world.Smtp.MessageCount, 12, 13);
        var records = await world.WithDbAsync(db => db.Digests.AsNoTracking().ToListAsync());
        Assert.All(records, r => Assert.Equal(DigestStatus.Sent, r.Status));
    }

    [Fact]
    public async Task The_retry_of_a_delivery_cut_off_from_its_database_takes_its_claims_back_at_once()
    {
        await world.AddEngagementAsync("Acme launch", Kickoff, Enumerable.Range(1, 12).Select(i => new Person($"person{i}@acme.example")));
        world.Clock.SetUtcNow(BeforeEight.AddMinutes(1));
        var recorded = await RecordDueAsync();
        const string worker = "delivery-job-losing-its-database";
        var node = world.StartHost(runHangfire: false, s => s["ConnectionStrings:Onboarding"] = $"{world.ConnectionString};Application Name={worker}");
        world.Smtp.AcceptDelay = TimeSpan.FromMilliseconds(200);

        var delivering = Task.Run(() => DigestWorld.WithScopeAsync(node.Services, s => s.GetRequiredService<DigestDelivery>().DeliverAsync(recorded, "job-7", CancellationToken.None)));
        while (world.Smtp.MessageCount < 3 && !delivering.IsCompleted)
        {
            await Task.Delay(10);
        }
        await world.WithDbAsync(db => db.Database.ExecuteSqlAsync($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = {worker}"));
        await Assert.ThrowsAnyAsync<Exception>(() => delivering);
        var stranded = await world.WithDbAsync(db => db.Digests.CountAsync(d => d.Status == DigestStatus.Sending));
        world.Smtp.AcceptDelay = TimeSpan.Zero;
        // Within the lease: another job leaves them alone, the failed job's retry takes them back.
        var other = await world.WithScopeAsync(s => s.GetRequiredService<DigestDelivery>().DeliverAsync(recorded, "job-8", CancellationToken.None));
        var retry = await world.WithScopeAsync(s => s.GetRequiredService<DigestDelivery>().DeliverAsync(recorded, "job-7", CancellationToken.None));

        Assert.True(stranded > 0, "the cut left nothing claimed");
        Assert.Equal(new DeliverySummary(0, 0, 0), other);
        Assert.Equal(stranded, retry.Sent);
        Assert.Equal(12, world.Smtp.Messages.Select(m => m.Recipients.Single()).Distinct().Count());
        var records = await world.WithDbAsync(db => db.Digests.AsNoTracking().ToListAsync());
        Assert.All(records, r => Assert.Equal(DigestStatus.Sent, r.Status));
    }

    private static Task RunDispatchJobAsync(IHost node, IBackgroundJobClient jobs, CancellationToken cancellationToken) =>
        DigestWorld.WithScopeAsync<bool>(node.Services, async s =>
        {
            var job = new DigestDispatchJob(s.GetRequiredService<DigestDispatcher>(), jobs, s.GetRequiredService<IOptions<DigestOptions>>());
            await job.RunAsync(cancellationToken);
            return true;
        });

    /// <summary>Keeps the delivery batches a dispatch run enqueues instead of storing them, and calls back on each.</summary>
    private sealed class RecordingJobClient(Action? enqueued = null) : IBackgroundJobClient
    {
        public List<long[]> Batches { get; } = [];

        public string Create(Job job, IState state)
        {
            Batches.Add((long[])job.Args[0]);
            enqueued?.Invoke();
            return Batches.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        public bool ChangeState(string jobId, IState state, string expectedState) => throw new NotSupportedException();
    }

    private Task<IReadOnlyList<long>> RecordDueAsync() =>
        world.WithScopeAsync(s => s.GetRequiredService<DigestDispatcher>().RecordDueAsync(CancellationToken.None));

    private async Task<IReadOnlyList<string>> RecordedRecipientsAsync()
    {
        var ids = await RecordDueAsync();
        return await world.WithDbAsync(db => db.Digests.Where(d => ids.Contains(d.Id)).Select(d => d.Recipient).ToListAsync());
    }

    private Task<DeliverySummary> DeliverAsync(IReadOnlyList<long> ids) =>
        world.WithScopeAsync(s => s.GetRequiredService<DigestDelivery>().DeliverAsync(ids, CancellationToken.None));

    private Task RunDeliveryJobAsync(long[] ids) =>
        world.WithScopeAsync<bool>(async s =>
        {
            await s.GetRequiredService<DigestDeliveryJob>().RunAsync(ids, null, CancellationToken.None);
            return true;
        });
}
