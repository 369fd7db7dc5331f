using Microsoft.EntityFrameworkCore;
using Onboarding.Core.Data;
using Onboarding.Core.Locations;

namespace Onboarding.Core.People;

/// <summary>
/// Members' working clocks as common hours need them: their profile's zone and working week, and as days off the public
/// holidays of the locations they are linked to, the same calendars their tasks are scheduled on.
/// </summary>
public static class MemberClocks
{
    /// <summary>The clocks of <paramref name="memberIds"/> by member id, with the days off from <paramref name="from"/> to <paramref name="to"/> inclusive.</summary>
    public static async Task<Dictionary<int, WorkingClock>> LoadAsync(
        OnboardingDbContext db, IReadOnlyCollection<int> memberIds, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        var people = await db.Members.AsNoTracking().Where(m => memberIds.Contains(m.Id))
            .Select(m => new { m.Id, m.Name, m.Person!.TimeZone, m.Person.WorkingDays })
            .ToListAsync(cancellationToken);
        var links = await db.Members.AsNoTracking().Where(m => memberIds.Contains(m.Id))
            // The result selector keeps it a join; a projection inside would need APPLY, which SQLite lacks.
            .SelectMany(m => m.Locations, (m, l) => new { MemberId = m.Id, LocationId = l.Id })
            .ToListAsync(cancellationToken);
        var locationIds = links.Select(l => l.LocationId).Distinct().ToList();
        var holidays = await db.LocationHolidays.AsNoTracking()
            .Where(h => locationIds.Contains(h.LocationId) && h.Date >= from && h.Date <= to)
            .Select(h => new { h.LocationId, h.Date, h.Name, h.Location!.City, h.Location.Region, h.Location.CountryCode })
            .ToListAsync(cancellationToken);
        var daysOff = links
            .Join(holidays, l => l.LocationId, h => h.LocationId, (l, h) => (l.MemberId, h.Date, Why: $"{h.Name} in {HiringLocation.NameOf(h.City, h.Region, h.CountryCode)}"))
            .GroupBy(d => d.MemberId)
            .ToDictionary(g => g.Key, g => (IReadOnlyDictionary<DateOnly, string>)g
                .GroupBy(d => d.Date)
                .ToDictionary(d => d.Key, d => string.Join("; ", d.Select(x => x.Why).Distinct())));
        return people.ToDictionary(p => p.Id, p => new WorkingClock(p.Name, p.TimeZone, p.WorkingDays, daysOff.GetValueOrDefault(p.Id)));
    }
}
