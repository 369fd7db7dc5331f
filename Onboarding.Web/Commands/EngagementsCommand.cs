using Microsoft.EntityFrameworkCore;
using Onboarding.Core.Data;
using Onboarding.Core.Engagements;
using Onboarding.Core.Time;

namespace Onboarding.Web.Commands;

public static class EngagementsCommand
{
    /// <summary>One line per engagement: id, client, day N of 90, then each member's email and role.</summary>
    public static async Task<int> ListAsync(IServiceProvider services, TextWriter output)
    {
        var db = services.GetRequiredService<OnboardingDbContext>();
        var clock = services.GetRequiredService<TimeProvider>();
        var engagements = await db.Engagements.AsNoTracking()
            .OrderBy(e => e.Id)
            .Select(e => new
            {
                e.Id,
                Client = e.Client!.Name,
                e.Kickoff,
                e.TimeZone,
                e.Status,
                Members = e.Members.OrderBy(m => m.Role).ThenBy(m => m.Email).Select(m => new { m.Email, m.Role }).ToList(),
            })
            .ToListAsync();

        foreach (var e in engagements)
        {
            var dayText = e.Status == EngagementStatus.Closed
                ? "closed"
                : $"day {Engagement.DayNumber(e.Kickoff, clock.TodayIn(e.TimeZone))} of 90";
            var members = e.Members.Select(m => $"{m.Email} ({m.Role.ToKey()})");
            await output.WriteLineAsync($"{e.Id}  {e.Client}  {dayText}  {string.Join("  ", members)}");
        }
        return 0;
    }
}
