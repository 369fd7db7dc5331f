using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Onboarding.Core.Engagements;

namespace Onboarding.Core.Data;

/// <summary>
/// Bumps <see cref="IVersioned.Version"/> of every versioned record a SaveChanges modifies. The version is a
/// concurrency token, so the UPDATE only matches the version the writer loaded: of two saves racing from
/// the same version one wins and the other gets a <see cref="DbUpdateConcurrencyException"/>.
/// </summary>
public sealed class EditVersions : SaveChangesInterceptor
{
    public static EditVersions Interceptor { get; } = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Bump(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Bump(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Bump(DbContext? context)
    {
        if (context is null)
        {
            return;
        }
        // Entries() detects changes itself; EngagementRevisions has just done so too.
        foreach (var entry in context.ChangeTracker.Entries<IVersioned>())
        {
            if (entry.State == EntityState.Modified)
            {
                var version = entry.Property(r => r.Version);
                version.CurrentValue = version.OriginalValue + 1;
            }
        }
    }
}

public static class VersionedSaves
{
    /// <summary>
    /// Saves, or returns false when another save won the race: a versioned record changed after it was loaded,
    /// or a row with the same unique key (a milestone's win, a client's name) was inserted meanwhile. Then nothing
    /// was saved, and the tracked records are forgotten so the caller reads the winner's.
    /// </summary>
    public static async Task<bool> TrySaveAsync(this OnboardingDbContext db, CancellationToken cancellationToken = default)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    private static bool IsUniqueViolation(DbUpdateException e) => e.InnerException switch
    {
        Npgsql.PostgresException postgres => postgres.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation,
        Microsoft.Data.Sqlite.SqliteException sqlite => sqlite.SqliteExtendedErrorCode == 2067, // SQLITE_CONSTRAINT_UNIQUE
        _ => false,
    };
}
