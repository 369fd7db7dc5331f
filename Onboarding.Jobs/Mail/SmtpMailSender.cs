using System.Net.Security;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Onboarding.Jobs.Mail;

/// <summary>
/// Sends mail over one reused SMTP connection. Register as a singleton: batches are serialised,
/// and the connection outlives a batch so the next dispatcher run can reuse it.
/// </summary>
/// <remarks>
/// A connection idle for <see cref="MailOptions.IdleProbeAfter"/> is checked with NOOP first and
/// replaced if the server has gone. If a reused connection breaks while sending, the message gets one
/// more try on a fresh connection: the server most likely closed it while idle, and a retry risks no
/// more than the outbox's own retry would (the Message-ID stays the same).
/// </remarks>
public sealed class SmtpMailSender(IOptions<MailOptions> options, TimeProvider time, ILogger<SmtpMailSender> logger)
    : IMailSender, IAsyncDisposable
{
    private readonly MailOptions options = options.Value;
    private readonly string host = string.IsNullOrWhiteSpace(options.Value.Host)
        ? throw new ArgumentException("Smtp:Host is not set; without it mail goes to the pickup folder.", nameof(options))
        : options.Value.Host;
    private readonly string? trustedFingerprint = options.Value.TrustedCertificateSha256 is { } pinned ? Fingerprint(pinned) : null;
    private readonly SemaphoreSlim gate = new(1, 1);
    private SmtpClient? client;
    private int sentOnConnection;
    private long lastActivity;

    public async IAsyncEnumerable<DeliveryResult> SendAsync(IReadOnlyList<OutgoingMail> batch, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            string? unreachable = null;
            foreach (var mail in batch)
            {
                if (unreachable is not null)
                {
                    // One failed connect per batch is enough; the rest wait for the next run.
                    yield return new DeliveryResult(mail.Id, DeliveryOutcome.TransientFailure, unreachable);
                    continue;
                }
                var (result, serverUnreachable) = await SendOneAsync(mail, cancellationToken);
                unreachable = serverUnreachable ? result.Error : null;
                yield return result;
            }
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<(DeliveryResult Result, bool Unreachable)> SendOneAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        MimeMessage message;
        try
        {
            message = MailMessages.Create(mail, options, time.GetUtcNow());
        }
        catch (ParseException e)
        {
            return (new DeliveryResult(mail.Id, DeliveryOutcome.PermanentFailure, $"Bad address: {e.Message}"), false);
        }

        for (var attempt = 1; ; attempt++)
        {
            SmtpClient smtp;
            try
            {
                smtp = await ReadyClientAsync(cancellationToken);
            }
            catch (Exception e) when (e is SmtpCommandException || IsTransportFailure(e, cancellationToken))
            {
                logger.LogWarning(e, "Cannot reach SMTP server {Host}:{Port}", host, options.Port);
                return (new DeliveryResult(mail.Id, DeliveryOutcome.TransientFailure, $"Cannot reach {host}:{options.Port}: {e.Message}"), true);
            }

            var reused = sentOnConnection > 0;
            try
            {
                await smtp.SendAsync(message, cancellationToken);
                sentOnConnection++;
                return (new DeliveryResult(mail.Id, DeliveryOutcome.Sent), false);
            }
            catch (SmtpCommandException e)
            {
                return (Classify(mail, e), false);
            }
            catch (ServiceNotAuthenticatedException e)
            {
                // 530: the relay wants STARTTLS or sign-in first. The settings are wrong, not this message, so it
                // waits like an outage (as does the rest of the batch) and goes once the settings are fixed.
                logger.LogWarning(e, "SMTP server {Host}:{Port} refuses mail without TLS or sign-in", host, options.Port);
                return (new DeliveryResult(mail.Id, DeliveryOutcome.TransientFailure, $"{host}:{options.Port} wants TLS or sign-in first: {e.Message}"), true);
            }
            catch (Exception e) when (IsTransportFailure(e, cancellationToken))
            {
                Drop();
                if (reused && attempt == 1)
                {
                    logger.LogInformation(e, "SMTP connection broke while sending {Id}; retrying on a new connection", mail.Id);
                    continue;
                }
                return (new DeliveryResult(mail.Id, DeliveryOutcome.TransientFailure, e.Message), false);
            }
            finally
            {
                lastActivity = time.GetTimestamp();
                if (options.PerMessageConnection)
                {
                    await CloseAsync();
                }
            }
        }
    }

    private async Task<SmtpClient> ReadyClientAsync(CancellationToken cancellationToken)
    {
        if (client is { IsConnected: true })
        {
            if (time.GetElapsedTime(lastActivity) < options.IdleProbeAfter)
            {
                return client;
            }
            try
            {
                await client.NoOpAsync(cancellationToken);
                lastActivity = time.GetTimestamp();
                return client;
            }
            catch (Exception e) when (e is SmtpCommandException || IsTransportFailure(e, cancellationToken))
            {
                logger.LogInformation(e, "Idle SMTP connection is gone; reconnecting");
            }
        }
        Drop();

        var fresh = new SmtpClient { Timeout = (int)options.Timeout.TotalMilliseconds };
        if (trustedFingerprint is not null)
        {
            fresh.ServerCertificateValidationCallback = TrustsCertificate;
        }
        // SMTP is a conversation of small writes: with Nagle's algorithm on, the end of each message
        // waits for the server's delayed ACK (40 ms on Linux), which caps a connection near 20 messages/s.
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            using (var connectTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                connectTimeout.CancelAfter(options.Timeout);
                await socket.ConnectAsync(host, Port, connectTimeout.Token);
            }
            await fresh.ConnectAsync(socket, host, Port, SocketOptions(options.Tls), cancellationToken);
            if (!string.IsNullOrEmpty(options.Username))
            {
                await fresh.AuthenticateAsync(options.Username, options.Password ?? "", cancellationToken);
            }
        }
        catch
        {
            fresh.Dispose();
            socket.Dispose();
            throw;
        }
        client = fresh;
        sentOnConnection = 0;
        lastActivity = time.GetTimestamp();
        return fresh;
    }

    /// <summary>What the system trusts, and beyond that exactly the one certificate the settings pin.</summary>
    private bool TrustsCertificate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors) =>
        errors == SslPolicyErrors.None
        || (certificate is not null && certificate.GetCertHashString(HashAlgorithmName.SHA256) == trustedFingerprint);

    /// <summary>A fingerprint as written in settings (any case, colons or spaces between bytes) in the form .NET prints it.</summary>
    internal static string Fingerprint(string configured) => configured.Replace(":", "").Replace(" ", "").Trim().ToUpperInvariant();

    private static DeliveryResult Classify(OutgoingMail mail, SmtpCommandException e)
    {
        var code = (int)e.StatusCode;
        var permanent = code is >= 500 and < 600 && e.ErrorCode is
            SmtpErrorCode.SenderNotAccepted or SmtpErrorCode.RecipientNotAccepted or SmtpErrorCode.MessageNotAccepted;
        return new DeliveryResult(
            mail.Id,
            permanent ? DeliveryOutcome.PermanentFailure : DeliveryOutcome.TransientFailure,
            $"{code} {e.Message}");
    }

    private static bool IsTransportFailure(Exception e, CancellationToken cancellationToken) =>
        e is IOException or SocketException or TimeoutException or ProtocolException or ServiceNotConnectedException
            or AuthenticationException or SslHandshakeException or NotSupportedException
        || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested);

    /// <summary>The configured port, or the usual one for the TLS mode: 465 for TLS on connect, otherwise 25.</summary>
    private int Port => options.Port != 0 ? options.Port : options.Tls == SmtpTlsMode.SslOnConnect ? 465 : 25;

    private static SecureSocketOptions SocketOptions(SmtpTlsMode mode) => mode switch
    {
        SmtpTlsMode.None => SecureSocketOptions.None,
        SmtpTlsMode.StartTls => SecureSocketOptions.StartTls,
        SmtpTlsMode.SslOnConnect => SecureSocketOptions.SslOnConnect,
        SmtpTlsMode.Auto => SecureSocketOptions.Auto,
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, null),
    };

    private async Task CloseAsync()
    {
        if (client is { IsConnected: true })
        {
            try
            {
                await client.DisconnectAsync(quit: true);
            }
            catch (Exception e) when (e is SmtpCommandException || IsTransportFailure(e, CancellationToken.None))
            {
                logger.LogDebug(e, "SMTP QUIT failed; the connection is closed anyway");
            }
        }
        Drop();
    }

    private void Drop()
    {
        client?.Dispose();
        client = null;
    }

    public async ValueTask DisposeAsync()
    {
        await gate.WaitAsync();
        try
        {
            await CloseAsync();
        }
        finally
        {
            gate.Release();
            gate.Dispose();
        }
    }
}
