using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Onboarding.Core.Data;

namespace Onboarding.Web.Infrastructure;

/// <summary>
/// <c>/health</c> is healthy only when the database takes a write, because a query is not enough: a read-only SQLite
/// file, and a PostgreSQL standby or read-only database, answer every read while every save fails.
/// </summary>
/// <remarks>
/// The probe updates the newest row of EF Core's migration history to itself, in a transaction it rolls back: a real
/// write that takes a row lock and meets each engine's read-only checks (SQLite lets a read-only connection BEGIN
/// IMMEDIATE, so a lock alone would not do), on a table every migrated database has, with nothing changed and no
/// migration needed. A deleted SQLite file fails earlier, on open (<see cref="SqliteFile"/>), a dropped or unreachable
/// PostgreSQL database on connect, and an unmigrated database on the missing table.
/// </remarks>
public sealed class DatabaseWriteHealthCheck(OnboardingDbContext db) : IHealthCheck
{
    // EFCore.NamingConventions names the history table's columns in snake case too.
    private const string Probe =
        """UPDATE "__EFMigrationsHistory" SET product_version = product_version WHERE migration_id = (SELECT MAX(migration_id) FROM "__EFMigrationsHistory")""";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync(Probe, cancellationToken);
            await transaction.RollbackAsync(cancellationToken);
            return HealthCheckResult.Healthy("The database takes writes.");
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or TimeoutException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "The database does not take writes.", e);
        }
    }
}
