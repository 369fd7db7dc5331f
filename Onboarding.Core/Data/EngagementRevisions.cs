using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Onboarding.Core.Accounts;
using Onboarding.Core.Engagements;

namespace Onboarding.Core.Data;

/// <summary>
/// Gives an engagement a new <see cref="Engagement.Revision"/>, and its provider a new
/// <see cref="Organisation.PortfolioRevision"/>, in the same SaveChanges (so in the
/// same transaction) as any change to it, to a record carrying its <c>EngagementId</c>, or to a
/// measurement of one of its metrics. A reader
/// that finds the revision it cached under can trust what it cached; a reader that finds a new one
/// reads again. Bulk <c>ExecuteUpdate</c>/<c>ExecuteDelete</c> bypass SaveChanges, so they must not
/// be used on anything an engagement page shows.
/// </summary>
public sealed class EngagementRevisions : SaveChangesInterceptor
{
    public static EngagementRevisions Interceptor { get; } = new();

    private const string EngagementIdProperty = "EngagementId";
    private const string MetricIdProperty = "MetricId";

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } context)
        {
            var touched = Touched.In(context);
            foreach (var metricId in touched.Metrics)
            {
                touched.Add(context.Set<Metric>().Find(metricId));
            }
            foreach (var id in touched.Unstamped.ToList())
            {
                touched.Stamp(context, context.Set<Engagement>().Find(id));
            }
            foreach (var id in touched.Providers)
            {
                StampPortfolio(context, context.Set<Organisation>().Find(id));
            }
        }
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context)
        {
            var touched = Touched.In(context);
            foreach (var metricId in touched.Metrics)
            {
                touched.Add(await context.Set<Metric>().FindAsync([metricId], cancellationToken));
            }
            foreach (var id in touched.Unstamped.ToList())
            {
                touched.Stamp(context, await context.Set<Engagement>().FindAsync([id], cancellationToken));
            }
            foreach (var id in touched.Providers)
            {
                StampPortfolio(context, await context.Set<Organisation>().FindAsync([id], cancellationToken));
            }
        }
        return result;
    }

    /// <summary>
    /// What a save touches: engagements being saved (stamped at once), engagements that records being saved belong
    /// to, and metrics whose measurements are being saved (a measurement reaches its engagement through its metric).
    /// </summary>
    private sealed class Touched
    {
        private readonly HashSet<int> stamped = [];
        private readonly HashSet<int> engagements = [];

        public HashSet<int> Metrics { get; } = [];

        /// <summary>Providers of stamped engagements, saved before; a provider saved in this change has a new portfolio already.</summary>
        public IEnumerable<int> Providers => providers.Where(id => id > 0);

        private readonly HashSet<int> providers = [];

        // A record added with its engagement carries a temporary id until saved: its engagement is being stamped already.
        public IEnumerable<int> Unstamped => engagements.Where(id => id > 0 && !stamped.Contains(id));

        public void Add(Metric? metric)
        {
            if (metric is not null)
            {
                engagements.Add(metric.EngagementId);
            }
        }

        /// <summary>Through the entry, so the change counts without another DetectChanges.</summary>
        public void Stamp(DbContext context, Engagement? engagement)
        {
            if (engagement is not null)
            {
                context.Entry(engagement).Property(e => e.Revision).CurrentValue = Guid.NewGuid();
                stamped.Add(engagement.Id);
                providers.Add(engagement.Provider?.Id ?? engagement.ProviderId);
            }
        }

        public static Touched In(DbContext context)
        {
            context.ChangeTracker.DetectChanges();
            var touched = new Touched();
            foreach (var entry in context.ChangeTracker.Entries())
            {
                if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
                {
                    continue;
                }
                if (entry.Entity is Engagement engagement)
                {
                    touched.Stamp(context, engagement);
                }
                else if (entry.Entity is Measurement)
                {
                    AddOwners(entry, MetricIdProperty, touched.Metrics);
                }
                else if (entry.Metadata.FindProperty(EngagementIdProperty) is not null)
                {
                    AddOwners(entry, EngagementIdProperty, touched.engagements);
                }
            }
            // A measurement added with its metric: the metric's engagement is touched through the metric itself.
            touched.Metrics.RemoveWhere(id => id <= 0);
            return touched;
        }
    }

    private static void AddOwners(EntityEntry entry, string ownerProperty, HashSet<int> owners)
    {
        // Nullable on some records (an invitation may be to no engagement).
        var property = entry.Property(ownerProperty);
        if (property.CurrentValue is int current)
        {
            owners.Add(current);
        }
        if (entry.State == EntityState.Modified && property.OriginalValue is int original)
        {
            owners.Add(original);
        }
    }

    /// <summary>Through the entry, so the change counts without another DetectChanges.</summary>
    private static void StampPortfolio(DbContext context, Organisation? provider)
    {
        if (provider is not null)
        {
            context.Entry(provider).Property(o => o.PortfolioRevision).CurrentValue = Guid.NewGuid();
        }
    }
}
