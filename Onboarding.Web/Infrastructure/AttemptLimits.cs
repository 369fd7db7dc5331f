using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Onboarding.Core.Accounts;

namespace Onboarding.Web.Infrastructure;

/// <summary>The "AttemptLimits" configuration section: how many password-guessing attempts one window allows.</summary>
public sealed class AttemptLimitsOptions
{
    public const string Section = "AttemptLimits";

    /// <summary>
    /// Sign-in, forgotten-password, reset and invitation forms posted from one client address. Generous, as a whole
    /// office may share one address; the per-account limits and lockout stop guessing one person's password.
    /// </summary>
    public int PerAddress { get; set; } = 100;

    /// <summary>Sign-in attempts for one email address, from anywhere (lockout counts only known accounts).</summary>
    public int SignInsPerAccount { get; set; } = 10;

    /// <summary>Reset links asked for one email address: each is a mail in that person's inbox.</summary>
    public int ResetMailsPerAccount { get; set; } = 3;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(15);
}

/// <summary>
/// Rate limits on the forms that take a password or a secret, with ASP.NET Core's rate limiter: per client address
/// as middleware (the <see cref="Policy"/> named on those actions), and per account in the actions themselves,
/// which know the normalised email only after reading the form. Both answer 429 with Retry-After, which the
/// error page turns into "try again in N minutes".
/// </summary>
public static class AttemptLimits
{
    public const string Policy = "password-forms";

    public static IServiceCollection AddAttemptLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<AttemptLimitsOptions>(configuration.GetSection(AttemptLimitsOptions.Section));
        services.AddSingleton<AccountAttempts>();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (context, _) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait))
                {
                    SetRetryAfter(context.HttpContext.Response, wait);
                }
                return ValueTask.CompletedTask;
            };
            o.AddPolicy(Policy, http =>
            {
                var limits = http.RequestServices.GetRequiredService<IOptions<AttemptLimitsOptions>>().Value;
                var clock = http.RequestServices.GetRequiredService<TimeProvider>();
                // RemoteIpAddress is the client's once forwarded headers are applied behind a proxy.
                var address = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                return RateLimitPartition.Get(address, _ => new ClockWindowLimiter(limits.PerAddress, limits.Window, clock));
            });
        });
        return services;
    }

    /// <summary>A 429 for the error page to explain, with how long to wait.</summary>
    public static IActionResult TooManyAttempts(this ControllerBase controller, TimeSpan wait)
    {
        SetRetryAfter(controller.Response, wait);
        return controller.StatusCode(StatusCodes.Status429TooManyRequests);
    }

    private static void SetRetryAfter(HttpResponse response, TimeSpan wait) =>
        response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
}

/// <summary>Attempts per account, whatever address they come from: guessing one person's password from many machines.</summary>
public sealed class AccountAttempts(IOptions<AttemptLimitsOptions> options, TimeProvider clock) : IDisposable
{
    private const string SignInKey = "sign-in:";
    private const string ResetKey = "reset:";

    private readonly PartitionedRateLimiter<string> limiter = PartitionedRateLimiter.Create<string, string>(key =>
        RateLimitPartition.Get(key, k => new ClockWindowLimiter(
            k.StartsWith(ResetKey, StringComparison.Ordinal) ? options.Value.ResetMailsPerAccount : options.Value.SignInsPerAccount,
            options.Value.Window,
            clock)));

    /// <returns>Null when a sign-in as <paramref name="email"/> may be tried now, else how long until it may.</returns>
    public TimeSpan? SignIn(string email) => Take(SignInKey + AccountRules.NormaliseEmail(email));

    /// <returns>Null when a reset link for <paramref name="email"/> may be sent now, else how long until it may.</returns>
    public TimeSpan? ResetMail(string email) => Take(ResetKey + AccountRules.NormaliseEmail(email));

    private TimeSpan? Take(string key)
    {
        using var lease = limiter.AttemptAcquire(key);
        return lease.IsAcquired ? null : lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : options.Value.Window;
    }

    public void Dispose() => limiter.Dispose();
}

/// <summary>
/// A fixed window of <paramref name="permits"/> counted on the injected clock; the framework's own limiters read
/// the system clock, which tests cannot move. It never queues: an attempt beyond the limit is refused at once.
/// </summary>
public sealed class ClockWindowLimiter(int permits, TimeSpan window, TimeProvider clock) : RateLimiter
{
    private readonly Lock gate = new();
    private DateTimeOffset windowEnd = clock.GetUtcNow() + window;
    private int used;
    private long granted;
    private long refused;

    /// <summary>Idle once the window is over: a fresh limiter would then count the same, so it may be dropped.</summary>
    public override TimeSpan? IdleDuration
    {
        get
        {
            lock (gate)
            {
                var now = clock.GetUtcNow();
                return now >= windowEnd ? now - windowEnd : null;
            }
        }
    }

    public override RateLimiterStatistics? GetStatistics()
    {
        lock (gate)
        {
            return new RateLimiterStatistics
            {
                CurrentAvailablePermits = Math.Max(0, permits - used),
                CurrentQueuedCount = 0,
                TotalSuccessfulLeases = granted,
                TotalFailedLeases = refused,
            };
        }
    }

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        lock (gate)
        {
            var now = clock.GetUtcNow();
            if (now >= windowEnd)
            {
                windowEnd = now + window;
                used = 0;
            }
            if (used + permitCount <= permits)
            {
                used += permitCount;
                granted++;
                return Lease.Granted;
            }
            refused++;
            return new Lease(false, windowEnd - now);
        }
    }

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AttemptAcquireCore(permitCount));

    private sealed class Lease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public static readonly Lease Granted = new(true, null);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = metadataName == MetadataName.RetryAfter.Name ? retryAfter : null;
            return metadata is not null;
        }
    }
}
