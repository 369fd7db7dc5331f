using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Onboarding.Core.Accounts;
using Onboarding.Core.Data;
using Onboarding.Core.Engagements;
using Onboarding.Core.Links;
using Onboarding.Web.Infrastructure;

namespace Onboarding.Web.Features.Calendar;

/// <summary>
/// A private iCalendar feed per member, so their tasks and milestones show up in Outlook or
/// Google Calendar. Calendar apps cannot sign in, so the secret URL is the credential; it can be reset.
/// </summary>
public sealed class CalendarFeedController(OnboardingDbContext db, AppLinks links, TimeProvider clock) : Controller
{
    [AllowAnonymous]
    [HttpGet("/calendar/{token}.ics")]
    public async Task<IActionResult> Feed(string token)
    {
        var member = await db.Members.AsNoTracking().Include(m => m.Engagement).Include(m => m.User).FirstOrDefaultAsync(m => m.CalendarToken == token);
        // A locked person's feed shows nothing, as if the address had never existed.
        if (member is null || member.User?.IsLockedAt(clock.GetUtcNow()) == true)
        {
            return NotFound();
        }
        var tasks = await db.PlanTasks.AsNoTracking()
            .Where(TaskInvolvement.OfMember(member.Id))
            .Where(t => t.EngagementId == member.EngagementId && t.Status != PlanTaskStatus.Skipped)
            .OrderBy(t => t.Start)
            .ToListAsync();
        var milestones = await db.Milestones.AsNoTracking().Where(m => m.EngagementId == member.EngagementId).OrderBy(m => m.Date).ToListAsync();

        var calendar = new Ical.Net.Calendar { ProductId = "-//Onboarding//Plan feed//EN" };
        calendar.AddProperty("X-WR-CALNAME", $"{member.Engagement!.Name} · {member.Name}");
        foreach (var task in tasks)
        {
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"task-{task.Id}@onboarding",
                Summary = task.Status == PlanTaskStatus.Done ? $"✓ {task.Title}" : task.Title,
                Description = $"{Core.Markdown.MarkdownText.ToPlainText(task.What)}\n\nWhy: {Core.Markdown.MarkdownText.ToPlainText(task.Why)}\n\n{links.Task(task.EngagementId, task.Id)}",
                DtStart = Day(task.Start),
                DtEnd = Day(task.Due.AddDays(1)),
                Url = new Uri(links.Task(task.EngagementId, task.Id)),
            });
        }
        foreach (var milestone in milestones)
        {
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"milestone-{milestone.Id}@onboarding",
                Summary = $"◆ Milestone: {milestone.Title}",
                DtStart = Day(milestone.Date),
                DtEnd = Day(milestone.Date.AddDays(1)),
            });
        }
        // Go-live is every member's milestone; its UID is per engagement, so moving go-live moves the event.
        calendar.Events.Add(new CalendarEvent
        {
            Uid = GoLiveMilestone.CalendarUid(member.EngagementId),
            Summary = $"◆ {GoLiveMilestone.Title}: {member.Engagement.Name}",
            DtStart = Day(member.Engagement.GoLive),
            DtEnd = Day(member.Engagement.GoLive.AddDays(1)),
            Url = new Uri(links.Engagement(member.EngagementId)),
        });
        await CheckInEvents.AddToAsync(calendar, db, member.Id, member.Engagement.TimeZone, links);
        var text = new CalendarSerializer().SerializeToString(calendar) ?? "";
        return Content(text, "text/calendar; charset=utf-8");
    }

    /// <summary>Replaces the secret so an old, leaked feed URL stops working.</summary>
    [HttpPost("/engagements/{engagementId:int}/stakeholders/{memberId:int}/calendar-reset")]
    public async Task<IActionResult> Reset(int engagementId, int memberId)
    {
        var access = HttpContext.EngagementAccess();
        if (!access.IsLeader && access.Member?.Id != memberId)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        var member = await db.Members.FirstOrDefaultAsync(m => m.Id == memberId && m.EngagementId == engagementId);
        if (member is null)
        {
            return NotFound();
        }
        member.CalendarToken = Secrets.NewToken();
        member.ChangedNowBy(User.DisplayName(), clock.GetUtcNow());
        await db.SaveChangesAsync();
        TempData["Notice"] = $"A new calendar link was made for {member.Name}; the old one no longer works.";
        return Redirect($"/engagements/{engagementId}/stakeholders");
    }

    private static CalDateTime Day(DateOnly date) => new(date.Year, date.Month, date.Day);
}
