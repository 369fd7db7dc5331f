using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Onboarding.Core.Engagements;

namespace Onboarding.Core.Data;

/// <summary>
/// Raises <see cref="ICalendarEvent.CalendarSequence"/> and stamps <see cref="ICalendarEvent.CalendarChangedAt"/>
/// when a SaveChanges changes what a calendar feed shows of a record: its dates or its text. Other edits
/// (a comment, a ticked checklist item, a new owner) leave both alone, so calendar apps are not told an
/// event changed when it did not. Every writer goes through here, so no page or job can forget it.
/// </summary>
public sealed class CalendarRevisions : SaveChangesInterceptor
{
    public static CalendarRevisions Interceptor { get; } = new();

    /// <summary>What each feed event is made of; the task's status counts because a done task's title gets a tick.</summary>
    private static readonly Dictionary<Type, string[]> Shown = new()
    {
        [typeof(PlanTask)] = [nameof(PlanTask.Start), nameof(PlanTask.Due), nameof(PlanTask.Title), nameof(PlanTask.What), nameof(PlanTask.Why), nameof(PlanTask.Status)],
        [typeof(Milestone)] = [nameof(Milestone.Date), nameof(Milestone.Title)],
        [typeof(Engagement)] = [nameof(Engagement.GoLive), nameof(Engagement.Name)],
    };

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Stamp(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Stamp(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Stamp(DbContext? context)
    {
        if (context is null)
        {
            return;
        }
        DateTimeOffset? now = null;
        // Entries() detects changes itself.
        foreach (var entry in context.ChangeTracker.Entries<ICalendarEvent>())
        {
            var changed = entry.State switch
            {
                EntityState.Added => true,
                EntityState.Modified => Shown[entry.Metadata.ClrType].Any(name => entry.Property(name).IsModified),
                _ => false,
            };
            if (!changed)
            {
                continue;
            }
            now ??= Clock(context).GetUtcNow();
            if (entry.State == EntityState.Modified)
            {
                var sequence = entry.Property(e => e.CalendarSequence);
                sequence.CurrentValue = sequence.OriginalValue + 1;
            }
            entry.Property(e => e.CalendarChangedAt).CurrentValue = now;
        }
    }

    /// <summary>
    /// The app's clock, from the services the context was registered with; a context built by hand (design-time
    /// tools, a test's own context) has none and uses the system clock.
    /// </summary>
    private static TimeProvider Clock(DbContext context) =>
        context.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider?.GetService<TimeProvider>()
        ?? TimeProvider.System;
}
