using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using Onboarding.Core.Digests;
using Onboarding.Jobs.Mail;
using Onboarding.Tests.Support.Smtp;

namespace Onboarding.Tests.Integration.Mail;

public sealed class SmtpMailSenderTests : IAsyncLifetime
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));
    private TestSmtpServer server = null!;

    public Task InitializeAsync()
    {
        server = TestSmtpServer.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task Messages_arrive_with_unsubscribe_headers_a_stable_message_id_and_both_parts()
    {
        await using var sender = Sender();
        var mail = Mail(1);

        var results = await sender.SendAsync([mail]).ToListAsync();

        Assert.Equal(DeliveryOutcome.Sent, Assert.Single(results).Outcome);
        var received = Assert.Single(server.Messages);
        Assert.Equal("digests@northwind.example", received.MailFrom);
        Assert.Equal(["ada1@client.example"], received.Recipients);
        var message = received.Parse();
        Assert.Equal(mail.Subject, message.Subject);
        Assert.Equal($"<{mail.UnsubscribeUrl}>", message.Headers[HeaderId.ListUnsubscribe]);
        Assert.Equal("List-Unsubscribe=One-Click", message.Headers[HeaderId.ListUnsubscribePost]);
        Assert.Equal($"{mail.Id}@northwind.example", message.MessageId);
        Assert.Matches(@"^digest\.[0-9a-f]{20}\.20261123@northwind\.example$", message.MessageId);
        var alternative = Assert.IsType<MultipartAlternative>(message.Body);
        Assert.Equal(["text/plain", "text/html"], alternative.Select(p => p.ContentType.MimeType));
        Assert.Contains("Plain digest 1", message.TextBody);
        Assert.Contains("\n.leading dot stays", message.TextBody);
        Assert.Contains("<p>HTML digest 1</p>", message.HtmlBody);
    }

    [Fact]
    public void A_digests_message_id_depends_only_on_its_outbox_key()
    {
        var key = new DigestKey("ada@client.example", new DateOnly(2026, 3, 8));
        var options = new MailOptions { From = "digests@northwind.example" };

        var first = MailMessages.Create(Mail(1) with { Id = MailMessages.LocalPart(key) }, options, clock.GetUtcNow());
        var retry = MailMessages.Create(Mail(2) with { Id = MailMessages.LocalPart(key) }, options, clock.GetUtcNow().AddHours(1));
        var nextDay = MailMessages.Create(Mail(1) with { Id = MailMessages.LocalPart(key with { Period = new DateOnly(2026, 3, 9) }) }, options, clock.GetUtcNow());

        Assert.Equal(first.MessageId, retry.MessageId);
        Assert.Equal(MailMessages.MessageId(key, options), first.MessageId);
        Assert.NotEqual(first.MessageId, nextDay.MessageId);
        Assert.DoesNotContain("ada", first.MessageId);
    }

    [Fact]
    public async Task Batches_reuse_one_connection()
    {
        await using var sender = Sender();

        var first = await sender.SendAsync(Mails(10)).ToListAsync();
        clock.Advance(TimeSpan.FromSeconds(5));
        var second = await sender.SendAsync(Mails(10)).ToListAsync();

        Assert.All(first.Concat(second), r => Assert.Equal(DeliveryOutcome.Sent, r.Outcome));
        Assert.Equal(20, server.MessageCount);
        Assert.Equal(1, server.ConnectionCount);
        Assert.Equal(0, server.NoOpCount);
    }

    [Fact]
    public async Task Per_message_connection_mode_connects_for_every_message()
    {
        await using var sender = Sender(o => o.PerMessageConnection = true);

        var results = await sender.SendAsync(Mails(5)).ToListAsync();

        Assert.All(results, r => Assert.Equal(DeliveryOutcome.Sent, r.Outcome));
        Assert.Equal(5, server.ConnectionCount);
    }

    [Fact]
    public async Task An_idle_connection_is_checked_with_noop_and_reused()
    {
        await using var sender = Sender();
        await sender.SendAsync(Mails(1)).ToListAsync();

        clock.Advance(TimeSpan.FromMinutes(5));
        var results = await sender.SendAsync(Mails(1)).ToListAsync();

        Assert.Equal(DeliveryOutcome.Sent, Assert.Single(results).Outcome);
        Assert.Equal(1, server.NoOpCount);
        Assert.Equal(1, server.ConnectionCount);
    }

    [Fact]
    public async Task An_idle_connection_the_server_dropped_is_replaced()
    {
        await using var sender = Sender();
        await sender.SendAsync(Mails(1)).ToListAsync();
        await server.DropConnectionsAsync();

        clock.Advance(TimeSpan.FromMinutes(5));
        var results = await sender.SendAsync(Mails(1)).ToListAsync();

        Assert.Equal(DeliveryOutcome.Sent, Assert.Single(results).Outcome);
        Assert.Equal(2, server.ConnectionCount);
        Assert.Equal(2, server.MessageCount);
    }

    [Fact]
    public async Task A_connection_dropped_before_the_idle_check_is_replaced_and_the_message_retried()
    {
        await using var sender = Sender();
        await sender.SendAsync(Mails(1)).ToListAsync();
        await server.DropConnectionsAsync();

        var results = await sender.SendAsync(Mails(1)).ToListAsync();

        Assert.Equal(DeliveryOutcome.Sent, Assert.Single(results).Outcome);
        Assert.Equal(2, server.ConnectionCount);
        Assert.Equal(2, server.MessageCount);
    }

    [Fact]
    public async Task A_server_that_hangs_up_after_each_message_still_gets_every_message()
    {
        server.DropAfterAccept = true;
        await using var sender = Sender();

        var results = await sender.SendAsync(Mails(4)).ToListAsync();

        Assert.All(results, r => Assert.Equal(DeliveryOutcome.Sent, r.Outcome));
        Assert.Equal(4, server.MessageCount);
        Assert.Equal(4, server.ConnectionCount);
    }

    [Theory]
    [InlineData("mail", "550 5.7.1 Sender rejected", DeliveryOutcome.PermanentFailure)]
    [InlineData("rcpt", "550 5.1.1 No such user", DeliveryOutcome.PermanentFailure)]
    [InlineData("data", "554 5.6.0 Message refused", DeliveryOutcome.PermanentFailure)]
    [InlineData("mail", "451 4.3.0 Try again later", DeliveryOutcome.TransientFailure)]
    [InlineData("rcpt", "450 4.2.1 Mailbox busy", DeliveryOutcome.TransientFailure)]
    [InlineData("data", "452 4.3.1 Insufficient storage", DeliveryOutcome.TransientFailure)]
    public async Task Rejections_are_classified_by_reply_class(string command, string reply, DeliveryOutcome expected)
    {
        switch (command)
        {
            case "mail": server.MailFromReply = reply; break;
            case "rcpt": server.RcptToReply = reply; break;
            default: server.DataReply = reply; break;
        }
        await using var sender = Sender();

        var results = await sender.SendAsync(Mails(2)).ToListAsync();

        Assert.All(results, r => Assert.Equal(expected, r.Outcome));
        Assert.All(results, r => Assert.StartsWith(reply[..3], r.Error));
        Assert.Equal(0, server.MessageCount);
    }

    [Fact]
    public async Task A_rejected_message_does_not_cost_the_connection()
    {
        await using var sender = Sender();
        server.RcptToReply = "550 5.1.1 No such user";
        await sender.SendAsync(Mails(1)).ToListAsync();

        server.RcptToReply = null;
        var results = await sender.SendAsync(Mails(1)).ToListAsync();

        Assert.Equal(DeliveryOutcome.Sent, Assert.Single(results).Outcome);
        Assert.Equal(1, server.ConnectionCount);
    }

    [Fact]
    public async Task A_refused_connection_fails_the_batch_transiently_and_recovers_after_restart()
    {
        await using var sender = Sender();
        await server.StopAsync();

        var refused = await sender.SendAsync(Mails(3)).ToListAsync();

        Assert.All(refused, r => Assert.Equal(DeliveryOutcome.TransientFailure, r.Outcome));
        server.Restart();
        var retried = await sender.SendAsync(Mails(3)).ToListAsync();
        Assert.All(retried, r => Assert.Equal(DeliveryOutcome.Sent, r.Outcome));
        Assert.Equal(3, server.MessageCount);
    }

    [Fact]
    public async Task A_server_that_never_answers_times_out_transiently()
    {
        server.Unresponsive = true;
        await using var sender = Sender(o => o.Timeout = TimeSpan.FromMilliseconds(300));

        var results = await sender.SendAsync(Mails(2)).ToListAsync();

        Assert.All(results, r => Assert.Equal(DeliveryOutcome.TransientFailure, r.Outcome));
    }

    [Fact]
    public async Task An_address_that_does_not_parse_is_permanent_and_the_rest_still_go()
    {
        await using var sender = Sender();

        var results = await sender.SendAsync([Mail(1) with { ToAddress = "not an address" }, Mail(2)]).ToListAsync();

        Assert.Equal([DeliveryOutcome.PermanentFailure, DeliveryOutcome.Sent], results.Select(r => r.Outcome));
        Assert.Equal(1, server.MessageCount);
    }

    private SmtpMailSender Sender(Action<MailOptions>? configure = null)
    {
        var options = new MailOptions
        {
            Host = server.Host,
            Port = server.Port,
            Tls = SmtpTlsMode.None,
            From = "Northwind Talent <digests@northwind.example>",
            Timeout = TimeSpan.FromSeconds(10),
        };
        configure?.Invoke(options);
        return new SmtpMailSender(Options.Create(options), clock, NullLogger<SmtpMailSender>.Instance);
    }

    private static List<OutgoingMail> Mails(int count) => Enumerable.Range(1, count).Select(Mail).ToList();

    internal static OutgoingMail Mail(int n) => new(
        MailMessages.LocalPart(new DigestKey($"ada{n}@client.example", new DateOnly(2026, 11, 23))),
        $"Ada {n}",
        $"ada{n}@client.example",
        $"Acme RPO · day 12: {n} things this week",
        $"<p>HTML digest {n}</p>",
        $"Plain digest {n}\n.leading dot stays\n",
        $"https://onboarding.example/digests/unsubscribe?token=t{n}");
}
