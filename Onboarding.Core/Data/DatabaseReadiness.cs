using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Onboarding.Core.Data;

/// <summary>
/// Whether this version of the app can work on the configured database, and if not, what to do, in one line: a verb
/// or a start without migrations on a database that was never migrated used to fail on its first query with a stack
/// trace about a missing table.
/// </summary>
public static class DatabaseReadiness
{
    /// <summary>Null when every migration of this version is applied; otherwise the problem and its remedy.</summary>
    public static async Task<string?> ProblemAsync(OnboardingDbContext db, CancellationToken cancellationToken = default)
    {
        try
        {
            // Reading the history neither creates the database nor its history table.
            var applied = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).ToHashSet();
            var pending = db.Database.GetMigrations().Count(m => !applied.Contains(m));
            return applied.Count == 0 ? "the database has not been migrated (it has no tables yet): run `migrate` first."
                : pending > 0 ? $"the database lacks {pending} migration(s) of this version: run `migrate` first."
                : null;
        }
        catch (DbException e) when (e.IsTransient)
        {
            return Failure(e);
        }
        catch (DbException e)
        {
            return $"the database cannot be opened ({e.Message}): check ConnectionStrings__Onboarding, or run `migrate` first to create it.";
        }
    }

    /// <summary>
    /// What went wrong when <paramref name="e"/> is the database failing (unreachable, refusing, or still failing after
    /// the retries), in one line for a process that cannot start; null for any other exception.
    /// </summary>
    public static string? Failure(Exception e) => e switch
    {
        RetryLimitExceededException { InnerException: DbException inner } => Failure(inner),
        DbException { IsTransient: true } db => $"the database cannot be reached ({db.Message}): check that it is running and ConnectionStrings__Onboarding.",
        DbException db => $"the database failed ({db.Message}).",
        _ => null,
    };
}
