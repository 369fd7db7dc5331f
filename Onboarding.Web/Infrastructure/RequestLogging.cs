using System.Collections;
using System.Diagnostics;

namespace Onboarding.Web.Infrastructure;

/// <summary>
/// One log line per request, in place of ASP.NET Core's several per request (off in appsettings.json): method, route,
/// status and duration, under the category <c>Onboarding.Requests</c>. Health probes and metrics scrapes are logged at
/// debug level, as they come every few seconds and say nothing new.
/// </summary>
/// <remarks>
/// The route is the matched route's pattern (<c>/invitations/{token}</c>), so the secrets some paths carry never reach
/// the log; a request no route matched (a static file, a 404) is logged with its path. Every entry written while the
/// request runs, the failure the exception handler logs among them, carries the engagement id in its scope once
/// routing has found one.
/// </remarks>
public sealed class RequestLogging(RequestDelegate next, ILoggerFactory loggers)
{
    public const string Category = "Onboarding.Requests";

    private readonly ILogger logger = loggers.CreateLogger(Category);

    public async Task InvokeAsync(HttpContext context)
    {
        var scope = new RequestLogScope();
        context.Features.Set(scope);
        using var _ = logger.BeginScope(scope);
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            var path = context.Request.Path;
            var level = path.StartsWithSegments("/health") || path.StartsWithSegments("/metrics") ? LogLevel.Debug : LogLevel.Information;
            logger.Log(level, "{Method} {Route} answered {StatusCode} in {ElapsedMs} ms",
                context.Request.Method, scope.Route ?? path.Value, context.Response.StatusCode,
                Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 1));
        }
    }

    /// <summary>After routing: notes the route and the engagement of the request, the first time (not the error page's).</summary>
    public static void NoteRoute(HttpContext context)
    {
        if (context.Features.Get<RequestLogScope>() is not { Route: null } scope || context.GetEndpoint() is not RouteEndpoint endpoint)
        {
            return;
        }
        // Attribute routes keep their template as written, with or without the leading slash.
        scope.Route = "/" + endpoint.RoutePattern.RawText?.TrimStart('/');
        if (context.GetRouteValue(EngagementAccessFilter.RouteKey) is string raw && int.TryParse(raw, System.Globalization.CultureInfo.InvariantCulture, out var engagementId))
        {
            scope.EngagementId = engagementId;
        }
    }

    /// <summary>A scope whose values are filled in as the request goes on; loggers read it when they write an entry.</summary>
    private sealed class RequestLogScope : IReadOnlyList<KeyValuePair<string, object?>>
    {
        public string? Route { get; set; }

        public int? EngagementId { get; set; }

        public int Count => EngagementId is null ? 0 : 1;

        public KeyValuePair<string, object?> this[int index] => index == 0 && EngagementId is { } id
            ? new KeyValuePair<string, object?>("EngagementId", id)
            : throw new ArgumentOutOfRangeException(nameof(index));

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
        {
            for (var i = 0; i < Count; i++)
            {
                yield return this[i];
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => EngagementId is { } id ? $"Engagement {id}" : "";
    }
}
