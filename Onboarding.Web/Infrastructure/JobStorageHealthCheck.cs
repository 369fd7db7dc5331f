using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Onboarding.Web.Infrastructure;

/// <summary>
/// The job storage answers: a web node that cannot reach it cannot enqueue a resend or an invitation's mail. One read
/// of the recurring jobs' set, which every node registers and which stays a handful of rows.
/// </summary>
public sealed class JobStorageHealthCheck(JobStorage storage) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        // An unreachable storage throws; the health check service reports that as the registration's failure status.
        using var connection = storage.GetConnection();
        var recurring = connection.GetAllItemsFromSet("recurring-jobs").Count;
        return Task.FromResult(HealthCheckResult.Healthy($"The job storage answers ({recurring} recurring jobs)."));
    }
}
