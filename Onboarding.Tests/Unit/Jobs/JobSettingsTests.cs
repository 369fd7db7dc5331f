using Hangfire;
using Hangfire.Common;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Onboarding.Jobs;
using Onboarding.Jobs.Digests;
using Onboarding.Jobs.Governance;

namespace Onboarding.Tests.Unit.Jobs;

/// <summary>The job timings an operator (or a test that cannot wait minutes) sets by configuration.</summary>
public sealed class JobSettingsTests
{
    [Theory]
    [InlineData("00:05:00", "*/5 * * * *")]
    [InlineData("00:01:00", "*/1 * * * *")]
    [InlineData("00:00:10", "*/10 * * * * *")]
    [InlineData("00:00:07", null)]
    [InlineData("00:07:00", null)]
    [InlineData("01:00:00", null)]
    [InlineData("00:00:01.500", null)]
    public void A_dispatch_interval_becomes_a_cron_expression_only_when_it_repeats_alike_every_hour(string interval, string? cron) =>
        Assert.Equal(cron, JobSchedules.TryEvery(TimeSpan.Parse(interval, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Delivery_jobs_retry_after_the_configured_waits_and_other_jobs_keep_the_default_retries()
    {
        using var services = Build(new() { ["Digests:RetryDelays:0"] = "00:00:20", ["Digests:RetryDelays:1"] = "00:01:00" });
        var filters = services.GetRequiredService<IJobFilterProvider>();

        var delivery = Retries(filters, Job.FromExpression<DigestDeliveryJob>(j => j.RunAsync(new long[] { 1 }, null, CancellationToken.None)));
        var escalation = Retries(filters, Job.FromExpression<EscalationJob>(j => j.RunAsync(CancellationToken.None)));

        Assert.Equal([20, 60], delivery.DelaysInSeconds);
        Assert.Equal(DigestDelivery.MaxAttempts - 1, delivery.Attempts);
        Assert.Equal(AttemptsExceededAction.Delete, delivery.OnAttemptsExceeded);
        Assert.Null(escalation.DelaysInSeconds);
    }

    [Fact]
    public void Delivery_retries_default_to_hours_of_backoff()
    {
        using var services = Build([]);

        var delivery = Retries(services.GetRequiredService<IJobFilterProvider>(),
            Job.FromExpression<DigestDeliveryJob>(j => j.RunAsync(new long[] { 1 }, null, CancellationToken.None)));

        Assert.Equal([60, 300, 900, 1800, 3600, 7200], delivery.DelaysInSeconds);
    }

    [Theory]
    [InlineData("Jobs:DigestDispatchInterval", "00:00:07", "Jobs:DigestDispatchInterval '00:00:07' must be whole minutes")]
    [InlineData("Jobs:InvisibilityTimeout", "00:00:01", "Jobs:InvisibilityTimeout '00:00:01' must be at least 00:00:05")]
    [InlineData("Digests:RetryDelays:0", "-00:00:01", "Digests:RetryDelays must be positive waits")]
    public void A_timing_that_cannot_work_stops_the_start_and_says_which(string key, string value, string message)
    {
        var refused = Assert.Throws<OptionsValidationException>(() => Build(new() { [key] = value }));

        Assert.Contains(message, refused.Message);
    }

    private static AutomaticRetryAttribute Retries(IJobFilterProvider filters, Job job) =>
        Assert.Single(filters.GetFilters(job).Select(f => f.Instance).OfType<AutomaticRetryAttribute>());

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(settings) { ["Jobs:RunServer"] = "false" });
        builder.AddOnboardingJobs();
        return builder.Services.BuildServiceProvider();
    }
}
