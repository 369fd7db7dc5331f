using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Onboarding.Core.Telemetry;
using OpenTelemetry.Metrics;

namespace Onboarding.Web.Infrastructure;

/// <summary>The "Metrics" section: whether this node serves <c>/metrics</c>, and to whom.</summary>
public sealed class MetricsOptions
{
    public const string Section = "Metrics";

    /// <summary>Serve Prometheus metrics at <c>/metrics</c>. Off by default: the numbers are for operators, not the world.</summary>
    public bool Enabled { get; set; }

    /// <summary>
    /// Networks in CIDR form, separated by commas, whose requests may read <c>/metrics</c> (e.g. <c>10.0.0.0/8</c>);
    /// anyone else gets 404. Empty: whoever reaches the node, so keep the node off the public network or set this.
    /// </summary>
    public string AllowedNetworks { get; set; } = "";
}

/// <summary>Health endpoints for orchestrators and OpenTelemetry metrics for Prometheus.</summary>
public static class Observability
{
    private const string Ready = "ready";

    public static IHostApplicationBuilder AddOnboardingObservability(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseWriteHealthCheck>("database", tags: [Ready], timeout: TimeSpan.FromSeconds(10))
            .AddCheck<JobStorageHealthCheck>("jobs", tags: [Ready], timeout: TimeSpan.FromSeconds(10));

        var metrics = builder.Configuration.GetSection(MetricsOptions.Section).Get<MetricsOptions>() ?? new MetricsOptions();
        builder.Services.AddSingleton(Microsoft.Extensions.Options.Options.Create(metrics));
        if (metrics.Enabled)
        {
            builder.Services.AddSingleton<OperationalGauges>();
            builder.Services.AddOpenTelemetry().WithMetrics(m => m
                .AddAspNetCoreInstrumentation()
                .AddMeter(OnboardingMetrics.MeterName)
                .AddPrometheusExporter());
        }
        return builder;
    }

    /// <summary>
    /// <c>/health</c> as before (the database takes writes); <c>/health/live</c>, the process answers (no check, so
    /// a database outage never gets a node restarted); <c>/health/ready</c>, the database takes writes and the job
    /// storage answers, so a load balancer sends requests elsewhere meanwhile. Before authentication, like the
    /// scrape endpoint, so that neither reads a sign-in cookie.
    /// </summary>
    public static WebApplication UseOnboardingObservability(this WebApplication app)
    {
        var metrics = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<MetricsOptions>>().Value;
        if (metrics.Enabled)
        {
            // Created now rather than at the first scrape, which would otherwise find no gauges to read.
            app.Services.GetRequiredService<OperationalGauges>();
            var allowed = metrics.AllowedNetworks
                .Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(ParseNetwork)
                .ToList();
            app.UseOpenTelemetryPrometheusScrapingEndpoint(context =>
                context.Request.Path == "/metrics"
                && (allowed.Count == 0 || (context.Connection.RemoteIpAddress is { } address && allowed.Any(n => n.Contains(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address)))));
        }
        return app;
    }

    public static WebApplication MapOnboardingHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health", new HealthCheckOptions { Predicate = check => check.Name == "database" }).AllowAnonymous();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(Ready) }).AllowAnonymous();
        return app;
    }

    private static System.Net.IPNetwork ParseNetwork(string text) =>
        System.Net.IPNetwork.TryParse(text, out var network)
            ? network
            : throw new Microsoft.Extensions.Options.OptionsValidationException(MetricsOptions.Section, typeof(MetricsOptions),
                [$"Metrics:AllowedNetworks: '{text}' is not a network; give networks in CIDR form separated by commas, e.g. 10.0.0.0/8,127.0.0.1/32."]);
}
