using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Onboarding.Core.Engagements;

namespace Onboarding.Core.Data;

/// <summary>
/// Gives an engagement a new <see cref="Engagement.Revision"/> in the same SaveChanges (so in the
/// same transaction) as any change to it or to a record carrying its <c>EngagementId</c>. A reader
/// that finds the revision it cached under can trust what it cached; a reader that finds a new one
/// reads again. Bulk <c>ExecuteUpdate</c>/<c>ExecuteDelete</c> bypass SaveChanges, so they must not
/// be used on anything an engagement page shows.
/// </summary>
public sealed class EngagementRevisions : SaveChangesInterceptor
{
    public static EngagementRevisions Interceptor { get; } = new();

    private const string EngagementIdProperty = "EngagementId";

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } context)
        {
            foreach (var id in TouchedEngagements(context))
            {
                Stamp(context, context.Set<Engagement>().Find(id));
            }
        }
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context)
        {
            foreach (var id in TouchedEngagements(context))
            {
                Stamp(context, await context.Set<Engagement>().FindAsync([id], cancellationToken));
            }
        }
        return result;
    }

    /// <summary>Stamps engagements being saved and returns the ids of the others that records being saved belong to.</summary>
    private static List<int> TouchedEngagements(DbContext context)
    {
        context.ChangeTracker.DetectChanges();
        var stamped = new HashSet<int>();
        var touched = new HashSet<int>();
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }
            if (entry.Entity is Engagement engagement)
            {
                Stamp(context, engagement);
                stamped.Add(engagement.Id);
            }
            else if (entry.Metadata.FindProperty(EngagementIdProperty) is not null)
            {
                AddOwners(entry, touched);
            }
        }
        touched.ExceptWith(stamped);
        // A record added with its engagement carries a temporary id until saved: its engagement is being stamped already.
        touched.RemoveWhere(id => id <= 0);
        return [.. touched];
    }

    private static void AddOwners(EntityEntry entry, HashSet<int> touched)
    {
        // Nullable on some records (an invitation may be to no engagement).
        var property = entry.Property(EngagementIdProperty);
        if (property.CurrentValue is int current)
        {
            touched.Add(current);
        }
        if (entry.State == EntityState.Modified && property.OriginalValue is int original)
        {
            touched.Add(original);
        }
    }

    /// <summary>Through the entry, so the change counts without another DetectChanges.</summary>
    private static void Stamp(DbContext context, Engagement? engagement)
    {
        if (engagement is not null)
        {
            context.Entry(engagement).Property(e => e.Revision).CurrentValue = Guid.NewGuid();
        }
    }
}
