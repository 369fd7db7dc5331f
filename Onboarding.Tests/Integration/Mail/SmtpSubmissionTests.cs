using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Onboarding.Jobs.Mail;
using Onboarding.Tests.Support.Smtp;

namespace Onboarding.Tests.Integration.Mail;

/// <summary>The sender against a server that behaves like a customer's relay: STARTTLS with a certificate, then AUTH.</summary>
public sealed class SmtpSubmissionTests : IAsyncLifetime
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));
    private TestSmtpServer server = null!;

    public Task InitializeAsync()
    {
        server = TestSmtpServer.Start(SubmissionSecurity.Relay());
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task Batches_go_over_one_connection_encrypted_and_signed_in_once()
    {
        await using var sender = Sender();

        var first = await sender.SendAsync(Mails(10)).ToListAsync();
        clock.Advance(TimeSpan.FromSeconds(5));
        var second = await sender.SendAsync(Mails(10)).ToListAsync();

        Assert.All(first.Concat(second), r => Assert.Equal(DeliveryOutcome.Sent, r.Outcome));
        Assert.Equal(20, server.MessageCount);
        Assert.All(server.Messages, m => Assert.Equal((true, "onboarding-relay"), (m.OverTls, m.AuthenticatedAs)));
        Assert.Equal((1, 1, 1), (server.ConnectionCount, server.TlsHandshakeCount, server.AuthenticationCount));
    }

    [Fact]
    public async Task A_connection_per_message_pays_the_handshake_and_sign_in_every_time()
    {
        await using var sender = Sender(o => o.PerMessageConnection = true);

        var results = await sender.SendAsync(Mails(3)).ToListAsync();

        Assert.All(results, r => Assert.Equal(DeliveryOutcome.Sent, r.Outcome));
        Assert.Equal((3, 3, 3, 3), (server.MessageCount, server.ConnectionCount, server.TlsHandshakeCount, server.AuthenticationCount));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF")]
    public async Task A_certificate_nobody_vouches_for_is_refused_before_the_password_goes(string? pinned)
    {
        await using var sender = Sender(o => o.TrustedCertificateSha256 = pinned);

        var results = await sender.SendAsync(Mails(2)).ToListAsync();

        Assert.All(results, r => Assert.Equal(DeliveryOutcome.TransientFailure, r.Outcome));
        // With TLS 1.3 the server may finish its side of the handshake before the client checks the certificate.
        Assert.Equal((0, 0), (server.AuthenticationCount, server.MessageCount));
    }

    [Fact]
    public async Task The_pinned_fingerprint_may_be_written_in_lower_case_with_colons()
    {
        var colons = string.Join(':', TestCertificate.Sha256(server.Security!.Certificate).Chunk(2).Select(c => new string(c))).ToLowerInvariant();
        await using var sender = Sender(o => o.TrustedCertificateSha256 = colons);

        var results = await sender.SendAsync(Mails(1)).ToListAsync();

        Assert.Equal(DeliveryOutcome.Sent, Assert.Single(results).Outcome);
    }

    [Fact]
    public async Task A_wrong_password_sends_nothing_and_is_retried_later()
    {
        await using var sender = Sender(o => o.Password = "not-the-password");

        var results = await sender.SendAsync(Mails(2)).ToListAsync();

        Assert.All(results, r => Assert.Equal(DeliveryOutcome.TransientFailure, r.Outcome));
        Assert.Equal((1, 0, 0), (server.TlsHandshakeCount, server.AuthenticationCount, server.MessageCount));
    }

    [Fact]
    public async Task Without_tls_the_relay_takes_no_mail_and_the_batch_waits_for_fixed_settings()
    {
        await using var sender = Sender(o => (o.Tls, o.Username) = (SmtpTlsMode.None, null));

        var results = await sender.SendAsync(Mails(3)).ToListAsync();

        Assert.All(results, r => Assert.Equal(DeliveryOutcome.TransientFailure, r.Outcome));
        Assert.All(results, r => Assert.Contains("wants TLS or sign-in first", r.Error));
        Assert.Equal((1, 0), (server.ConnectionCount, server.MessageCount));
    }

    private SmtpMailSender Sender(Action<MailOptions>? configure = null)
    {
        var security = server.Security!;
        var options = new MailOptions
        {
            Host = server.Host,
            Port = server.Port,
            Tls = SmtpTlsMode.StartTls,
            Username = security.Username,
            Password = security.Password,
            // The test server's certificate is self-signed: the sender trusts it because the settings pin it.
            TrustedCertificateSha256 = TestCertificate.Sha256(security.Certificate),
            From = "Northwind Talent <digests@northwind.example>",
            Timeout = TimeSpan.FromSeconds(10),
        };
        configure?.Invoke(options);
        return new SmtpMailSender(Options.Create(options), clock, NullLogger<SmtpMailSender>.Instance);
    }

    private static List<OutgoingMail> Mails(int count) => Enumerable.Range(1, count).Select(SmtpMailSenderTests.Mail).ToList();
}
