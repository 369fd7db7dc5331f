namespace Onboarding.Jobs.Mail;

public enum SmtpTlsMode
{
    None,
    StartTls,
    SslOnConnect,

    /// <summary>TLS on connect for port 465, otherwise STARTTLS when the server offers it.</summary>
    Auto,
}

/// <summary>
/// The "Smtp" configuration section (<c>Smtp__Host</c>, <c>Smtp__Port</c>, <c>Smtp__Username</c>,
/// <c>Smtp__Password</c>, <c>Smtp__From</c>, <c>Smtp__Tls</c>, <c>Smtp__TrustedCertificateSha256</c>). Without a <see cref="Host"/>, mail goes to
/// <see cref="PickupDirectory"/>.
/// </summary>
public sealed class MailOptions
{
    public const string Section = "Smtp";

    public string? Host { get; set; }

    /// <summary>0 picks the usual port for <see cref="Tls"/>: 465 for TLS on connect, otherwise 25.</summary>
    public int Port { get; set; }

    public string? Username { get; set; }

    public string? Password { get; set; }

    public string From { get; set; } = "Onboarding <digests@onboarding.localhost>";

    public SmtpTlsMode Tls { get; set; } = SmtpTlsMode.Auto;

    /// <summary>
    /// SHA-256 fingerprint (hex, colons allowed) of a relay certificate to trust although no trusted
    /// authority signed it, e.g. an internal relay's self-signed one. Only that exact certificate is
    /// trusted beyond the system's authorities; every other certificate is still validated as usual.
    /// </summary>
    public string? TrustedCertificateSha256 { get; set; }

    /// <summary>Right part of Message-IDs; the From address's domain when empty.</summary>
    public string? MessageIdDomain { get; set; }

    /// <summary>Open and close a connection for every message instead of reusing one (slower; for comparison and for picky relays).</summary>
    public bool PerMessageConnection { get; set; }

    /// <summary>A connection idle this long is checked with NOOP before it is reused.</summary>
    public TimeSpan IdleProbeAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Network timeout for connecting and for each SMTP exchange.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Where .eml files go when no SMTP host is configured; relative paths are under the data folder.</summary>
    public string PickupDirectory { get; set; } = "mail-pickup";
}
