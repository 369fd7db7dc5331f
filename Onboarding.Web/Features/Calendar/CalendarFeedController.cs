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
using Onboarding.Core.Markdown;
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
    [HttpHead("/calendar/{token}.ics")]
    public async Task<IActionResult> Feed(string token)
    {
        var member = await db.Members.AsNoTracking().Include(m => m.Engagement).Include(m => m.User).FirstOrDefaultAsync(m => m.CalendarToken == token);
        // A locked person's feed shows nothing, as if the address had never existed.
        if (member is null || member.User?.IsLockedAt(clock.GetUtcNow()) == true)
        {
            return NotFound();
        }
        var engagement = member.Engagement!;
        var tasks = await db.PlanTasks.AsNoTracking()
            .Where(TaskInvolvement.OfMember(member.Id))
            .Where(t => t.EngagementId == member.EngagementId && t.Status != PlanTaskStatus.Skipped)
            .OrderBy(t => t.Start)
            .ToListAsync();
        var milestones = await db.Milestones.AsNoTracking().Where(m => m.EngagementId == member.EngagementId).OrderBy(m => m.Date).ToListAsync();
        // A task that left the feed (skipped, given to someone else) changes no event that is still in it, but it was changed.
        var lastTaskEdit = await db.PlanTasks.Where(t => t.EngagementId == member.EngagementId).MaxAsync(t => t.ChangedAt);

        var calendar = new Ical.Net.Calendar { ProductId = "-//Onboarding//Plan feed//EN", Method = "PUBLISH" };
        calendar.AddProperty("X-WR-CALNAME", $"{engagement.Name} · {member.Name}");
        foreach (var task in tasks)
        {
            calendar.Events.Add(Event(task, engagement, $"task-{task.Id}@onboarding",
                task.Status == PlanTaskStatus.Done ? $"✓ {task.Title}" : task.Title, task.Start, task.Due.AddDays(1),
                links.Task(task.EngagementId, task.Id),
                $"{MarkdownText.ToPlainText(task.What)}\n\nWhy: {MarkdownText.ToPlainText(task.Why)}\n\n{links.Task(task.EngagementId, task.Id)}"));
        }
        foreach (var milestone in milestones)
        {
            calendar.Events.Add(Event(milestone, engagement, $"milestone-{milestone.Id}@onboarding",
                $"◆ Milestone: {milestone.Title}", milestone.Date, milestone.Date.AddDays(1), url: null, description: null));
        }
        // Go-live is every member's milestone; its UID is per engagement, so moving go-live moves the event.
        calendar.Events.Add(Event(engagement, engagement, GoLiveMilestone.CalendarUid(member.EngagementId),
            $"◆ {GoLiveMilestone.Title}: {engagement.Name}", engagement.GoLive, engagement.GoLive.AddDays(1),
            links.Engagement(member.EngagementId), description: null));
        await CheckInEvents.AddToAsync(calendar, db, member.Id, engagement.TimeZone, links);
        var text = new CalendarSerializer().SerializeToString(calendar) ?? "";
        var lastModified = new[] { lastTaskEdit, member.ChangedAt }
            .Concat(calendar.Events.Select(e => (DateTimeOffset?)new DateTimeOffset(e.LastModified!.AsUtc, TimeSpan.Zero)))
            .Max() ?? engagement.CreatedAt;
        return ConditionalFeed.Respond(Response, text, lastModified);
    }

    /// <summary>
    /// One feed event. Its stamp is when it last changed rather than when it was fetched, so an unchanged feed is the
    /// same bytes on every poll (and its ETag holds); SEQUENCE tells calendar apps that an event they keep has changed.
    /// </summary>
    private static CalendarEvent Event(
        ICalendarEvent source, Engagement engagement, string uid, string summary, DateOnly start, DateOnly end, string? url, string? description)
    {
        var changed = Utc(source.CalendarChangedAt ?? engagement.CreatedAt);
        return new CalendarEvent
        {
            Uid = uid,
            Summary = summary,
            Description = description,
            DtStart = new CalDateTime(start),
            DtEnd = new CalDateTime(end),
            Url = url is null ? null : new Uri(url),
            Sequence = source.CalendarSequence,
            LastModified = changed,
            DtStamp = changed,
        };
    }

    // iCalendar and HTTP both count in whole seconds.
    internal static CalDateTime Utc(DateTimeOffset time) =>
        new(DateTime.SpecifyKind(time.UtcDateTime.AddTicks(-(time.UtcDateTime.Ticks % TimeSpan.TicksPerSecond)), DateTimeKind.Utc), "UTC", hasTime: true);

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

}
