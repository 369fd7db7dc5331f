using System.Collections.Concurrent;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using MimeKit;

namespace Onboarding.Tests.Support.Smtp;

/// <summary>A message as the server received it; <see cref="Raw"/> is the dot-unstuffed DATA.</summary>
public sealed record ReceivedMessage(string MailFrom, IReadOnlyList<string> Recipients, byte[] Raw)
{
    /// <summary>Whether the message came over the connection after STARTTLS.</summary>
    public bool OverTls { get; init; }

    /// <summary>The user the client signed in as with AUTH, if it did.</summary>
    public string? AuthenticatedAs { get; init; }

    public MimeMessage Parse() => MimeMessage.Load(new MemoryStream(Raw));
}

/// <summary>
/// What a submission server demands: STARTTLS with <paramref name="Certificate"/>, then AUTH with
/// these credentials. <see cref="Relay"/> makes one with a fresh self-signed certificate.
/// </summary>
public sealed record SubmissionSecurity(X509Certificate2 Certificate, string Username, string Password)
{
    public static SubmissionSecurity Relay() => new(TestCertificate.CreateSelfSigned(), "onboarding-relay", "relay-password-for-tests");
}

/// <summary>
/// A real SMTP server on loopback, speaking enough RFC 5321 (with PIPELINING) for MailKit, fast
/// enough for benchmarks. It can be stopped (connections refused) and restarted on the same port,
/// made to answer MAIL, RCPT or end-of-DATA with any reply, to drop connections, or to say nothing.
/// Started with a <see cref="SubmissionSecurity"/>, it behaves as a submission relay does: STARTTLS
/// with a certificate, then AUTH PLAIN or LOGIN, both required before MAIL.
/// </summary>
public sealed class TestSmtpServer : IAsyncDisposable
{
    private readonly ConcurrentDictionary<Session, byte> sessions = new();
    private readonly ConcurrentQueue<ReceivedMessage> received = new();
    private TcpListener? listener;
    private Task accepting = Task.CompletedTask;
    private int connections;
    private int noOps;
    private int messageCount;
    private int tlsHandshakes;
    private int authentications;
    private readonly SslStreamCertificateContext? tls;

    private TestSmtpServer(SubmissionSecurity? security)
    {
        Security = security;
        // Built once, as a real server loads its certificate chain once rather than per handshake.
        tls = security is null ? null : SslStreamCertificateContext.Create(security.Certificate, additionalCertificates: null);
        Port = Listen(0);
    }

    /// <summary>A plain server, or with <paramref name="security"/> a submission relay that requires STARTTLS and AUTH.</summary>
    public static TestSmtpServer Start(SubmissionSecurity? security = null) => new(security);

    public SubmissionSecurity? Security { get; }

    public string Host => "127.0.0.1";

    public int Port { get; }

    public int ConnectionCount => Volatile.Read(ref connections);

    public int NoOpCount => Volatile.Read(ref noOps);

    public int MessageCount => Volatile.Read(ref messageCount);

    /// <summary>Completed STARTTLS handshakes.</summary>
    public int TlsHandshakeCount => Volatile.Read(ref tlsHandshakes);

    /// <summary>Successful AUTH exchanges.</summary>
    public int AuthenticationCount => Volatile.Read(ref authentications);

    public IReadOnlyList<ReceivedMessage> Messages => received.ToArray();

    /// <summary>Benchmarks sending many messages can turn this off and watch <see cref="MessageCount"/>.</summary>
    public bool RetainMessages { get; set; } = true;

    /// <summary>Reply to MAIL FROM instead of accepting, e.g. "550 5.7.1 Sender rejected".</summary>
    public string? MailFromReply { get; set; }

    /// <summary>Reply to RCPT TO instead of accepting, e.g. "450 4.2.1 Mailbox busy".</summary>
    public string? RcptToReply { get; set; }

    /// <summary>Reply at the end of DATA instead of accepting; the message is not recorded.</summary>
    public string? DataReply { get; set; }

    /// <summary>Close the connection right after accepting each message.</summary>
    public bool DropAfterAccept { get; set; }

    /// <summary>How long the server takes over each message before taking it, as a slow or distant server would.</summary>
    public TimeSpan AcceptDelay { get; set; }

    /// <summary>New connections get no greeting and no replies, as a hung server would.</summary>
    public bool Unresponsive { get; set; }

    /// <summary>Stops listening and closes every connection: connecting is refused until <see cref="Restart"/>.</summary>
    public async Task StopAsync()
    {
        listener?.Stop();
        listener = null;
        await accepting;
        await DropConnectionsAsync();
    }

    public void Restart()
    {
        if (listener is null)
        {
            Listen(Port);
        }
    }

    /// <summary>Closes every open connection from the server's side, as an idle timeout would.</summary>
    public async Task DropConnectionsAsync()
    {
        var open = sessions.Keys.ToList();
        foreach (var session in open)
        {
            session.Close();
        }
        await Task.WhenAll(open.Select(s => s.Running));
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private int Listen(int port)
    {
        var socket = new TcpListener(IPAddress.Loopback, port);
        // Rebinding the port of a listener just stopped must not wait for TIME_WAIT.
        socket.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        socket.Start(backlog: 512);
        listener = socket;
        accepting = AcceptAsync(socket);
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    private async Task AcceptAsync(TcpListener socket)
    {
        while (true)
        {
            Socket connection;
            try
            {
                connection = await socket.AcceptSocketAsync();
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                return;
            }
            Interlocked.Increment(ref connections);
            connection.NoDelay = true;
            var session = new Session(this, connection);
            sessions[session] = 0;
            session.Running = Task.Run(async () =>
            {
                try
                {
                    await session.RunAsync();
                }
                finally
                {
                    sessions.TryRemove(session, out _);
                }
            });
        }
    }

    private void Record(ReceivedMessage message)
    {
        Interlocked.Increment(ref messageCount);
        if (RetainMessages)
        {
            received.Enqueue(message);
        }
    }

    private sealed class Session(TestSmtpServer server, Socket socket)
    {
        private const string Domain = "test-smtp.localhost";
        // Becomes the TLS stream after STARTTLS.
        private Stream stream = new NetworkStream(socket, ownsSocket: true);
        private readonly byte[] input = new byte[64 * 1024];
        private readonly MemoryStream output = new();
        private int start;
        private int end;

        private string? mailFrom;
        private readonly List<string> recipients = [];
        private bool greeted;
        private bool overTls;
        private string? user;

        public Task Running { get; set; } = Task.CompletedTask;

        public void Close() => stream.Dispose();

        public async Task RunAsync()
        {
            try
            {
                if (server.Unresponsive)
                {
                    while (await stream.ReadAsync(input) > 0)
                    {
                    }
                    return;
                }
                Reply($"220 {Domain} ESMTP test server ready");
                while (await ReadLineAsync() is { } line)
                {
                    if (!await HandleAsync(Encoding.ASCII.GetString(line.Span)))
                    {
                        await FlushAsync();
                        return;
                    }
                }
            }
            catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or AuthenticationException)
            {
                // The client went away (or refused our certificate), or a test closed the connection: all normal endings.
            }
            finally
            {
                stream.Dispose();
            }
        }

        /// <returns>false when the connection is to close.</returns>
        private async Task<bool> HandleAsync(string line)
        {
            var verb = (line.Length >= 4 ? line[..4] : line).ToUpperInvariant();
            switch (verb)
            {
                case "EHLO":
                    greeted = true;
                    Reset();
                    // As submission relays do: STARTTLS on the plain connection, AUTH only once it is encrypted.
                    var security = server.Security is null ? "" : overTls ? "250-AUTH PLAIN LOGIN\r\n" : "250-STARTTLS\r\n";
                    Reply($"250-{Domain}\r\n250-PIPELINING\r\n250-8BITMIME\r\n{security}250 SMTPUTF8");
                    return true;
                case "STAR" when server.tls is { } context && line.Equals("STARTTLS", StringComparison.OrdinalIgnoreCase) && !overTls:
                    await StartTlsAsync(context);
                    return true;
                case "AUTH" when server.Security is { } credentials && overTls:
                    await AuthenticateAsync(line, credentials);
                    return true;
                case "HELO":
                    greeted = true;
                    Reset();
                    Reply($"250 {Domain}");
                    return true;
                case "MAIL":
                    if (!greeted)
                    {
                        Reply("503 5.5.1 Say EHLO first");
                    }
                    else if (server.Security is not null && !overTls)
                    {
                        Reply("530 5.7.0 Must issue a STARTTLS command first");
                    }
                    else if (server.Security is not null && user is null)
                    {
                        Reply("530 5.7.0 Authentication required");
                    }
                    else if (server.MailFromReply is { } mailReply)
                    {
                        Reply(mailReply);
                    }
                    else
                    {
                        Reset();
                        mailFrom = Address(line);
                        Reply("250 2.1.0 Ok");
                    }
                    return true;
                case "RCPT":
                    if (mailFrom is null)
                    {
                        Reply("503 5.5.1 MAIL first");
                    }
                    else if (server.RcptToReply is { } rcptReply)
                    {
                        Reply(rcptReply);
                    }
                    else
                    {
                        recipients.Add(Address(line));
                        Reply("250 2.1.5 Ok");
                    }
                    return true;
                case "DATA":
                    return await ReceiveDataAsync();
                case "RSET":
                    Reset();
                    Reply("250 2.0.0 Ok");
                    return true;
                case "NOOP":
                    Interlocked.Increment(ref server.noOps);
                    Reply("250 2.0.0 Ok");
                    return true;
                case "QUIT":
                    Reply("221 2.0.0 Bye");
                    return false;
                default:
                    Reply("502 5.5.2 Command not recognised");
                    return true;
            }
        }

        private async Task<bool> ReceiveDataAsync()
        {
            if (mailFrom is null || recipients.Count == 0)
            {
                Reply("554 5.5.1 No valid recipients");
                return true;
            }
            Reply("354 End data with <CR><LF>.<CR><LF>");
            var data = new MemoryStream();
            while (true)
            {
                if (await ReadLineAsync() is not { } line)
                {
                    return false;
                }
                var span = line.Span;
                if (span is [(byte)'.'])
                {
                    break;
                }
                data.Write(span is [(byte)'.', ..] ? span[1..] : span);
                data.Write("\r\n"u8);
            }

            if (server.AcceptDelay > TimeSpan.Zero)
            {
                await Task.Delay(server.AcceptDelay);
            }
            if (server.DataReply is { } dataReply)
            {
                Reset();
                Reply(dataReply);
                return true;
            }
            server.Record(new ReceivedMessage(mailFrom, recipients.ToList(), data.ToArray()) { OverTls = overTls, AuthenticatedAs = user });
            Reset();
            Reply($"250 2.0.0 Ok: queued as {server.MessageCount}");
            return !server.DropAfterAccept;
        }

        /// <summary>RFC 3207: after the 220 the client starts the handshake; everything said before is forgotten.</summary>
        private async Task StartTlsAsync(SslStreamCertificateContext context)
        {
            Reply("220 2.0.0 Ready to start TLS");
            await FlushAsync();
            // Anything pipelined after STARTTLS was sent in the clear, and is dropped as RFC 3207 requires.
            start = end = 0;
            var secure = new SslStream(stream, leaveInnerStreamOpen: false);
            stream = secure;
            await secure.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificateContext = context });
            Interlocked.Increment(ref server.tlsHandshakes);
            overTls = true;
            greeted = false;
            Reset();
        }

        /// <summary>AUTH PLAIN (RFC 4616, with or without the initial response) and AUTH LOGIN.</summary>
        private async Task AuthenticateAsync(string line, SubmissionSecurity credentials)
        {
            var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var mechanism = words.Length > 1 ? words[1].ToUpperInvariant() : "";
            string? username, password;
            switch (mechanism)
            {
                case "PLAIN":
                    var response = words.Length > 2 ? words[2] : await ChallengeAsync("");
                    // authzid NUL authcid NUL passwd
                    var parts = Decode(response)?.Split('\0');
                    (username, password) = parts is { Length: 3 } ? (parts[1], parts[2]) : (null, null);
                    break;
                case "LOGIN":
                    username = Decode(words.Length > 2 ? words[2] : await ChallengeAsync("Username:"));
                    password = Decode(await ChallengeAsync("Password:"));
                    break;
                default:
                    Reply("504 5.5.4 Unrecognised authentication mechanism");
                    return;
            }
            if (user is null && username == credentials.Username && password == credentials.Password)
            {
                user = username;
                Interlocked.Increment(ref server.authentications);
                Reply("235 2.7.0 Authentication successful");
            }
            else
            {
                Reply("535 5.7.8 Authentication credentials invalid");
            }
        }

        private async Task<string> ChallengeAsync(string prompt)
        {
            Reply($"334 {Convert.ToBase64String(Encoding.UTF8.GetBytes(prompt))}");
            return await ReadLineAsync() is { } answer ? Encoding.ASCII.GetString(answer.Span) : "";
        }

        private static string? Decode(string base64)
        {
            try
            {
                return Encoding.UTF8.GetString(Convert.FromBase64String(base64));
            }
            catch (FormatException)
            {
                return null;
            }
        }

        private void Reset()
        {
            mailFrom = null;
            recipients.Clear();
        }

        private static string Address(string command)
        {
            var open = command.IndexOf('<');
            var close = command.IndexOf('>', open + 1);
            return open >= 0 && close > open ? command[(open + 1)..close] : "";
        }

        private void Reply(string reply)
        {
            output.Write(Encoding.ASCII.GetBytes(reply));
            output.Write("\r\n"u8);
        }

        private async Task FlushAsync()
        {
            if (output.Length > 0)
            {
                await stream.WriteAsync(output.GetBuffer().AsMemory(0, (int)output.Length));
                output.SetLength(0);
            }
        }

        /// <summary>The next line without its line break, valid until the next read; null at end of stream.</summary>
        private async ValueTask<ReadOnlyMemory<byte>?> ReadLineAsync()
        {
            while (true)
            {
                var newline = input.AsSpan(start, end - start).IndexOf((byte)'\n');
                if (newline >= 0)
                {
                    var length = newline > 0 && input[start + newline - 1] == '\r' ? newline - 1 : newline;
                    var line = input.AsMemory(start, length);
                    start += newline + 1;
                    return line;
                }
                if (start > 0)
                {
                    input.AsSpan(start, end - start).CopyTo(input);
                    end -= start;
                    start = 0;
                }
                if (end == input.Length)
                {
                    throw new IOException("SMTP line longer than the test server's buffer.");
                }
                // Pipelined commands are answered together, just before the server would wait for more.
                await FlushAsync();
                var read = await stream.ReadAsync(input.AsMemory(end));
                if (read == 0)
                {
                    return null;
                }
                end += read;
            }
        }
    }
}
