using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Onboarding.Core.Data;
using Onboarding.Core.Documents;
using Onboarding.Core.Documents.Steering;
using Onboarding.Core.Engagements;
using Onboarding.Core.Time;
using Onboarding.Web.Infrastructure;

namespace Onboarding.Web.Features.Steering;

/// <summary>
/// The monthly steering report, as a page to read or print and as a PDF. It is for the people who steer the
/// engagement: account leaders and the client's TA lead and executive sponsor (administrators too).
/// </summary>
[Route("/engagements/{engagementId:int}/steering")]
[EngagementRoles(EngagementRole.AccountLeader, EngagementRole.TaLead, EngagementRole.ExecutiveSponsor)]
public sealed class SteeringController(OnboardingDbContext db, TimeProvider clock, PdfRenderer renderer) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Report(int engagementId, string? month, CancellationToken cancellationToken)
    {
        var (period, available, problem) = await MonthAsync(engagementId, month, cancellationToken);
        if (period is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            var current = await SteeringLoader.LoadAsync(db, clock, engagementId, available[0], cancellationToken);
            return View(new SteeringViewModel(engagementId, current!, available, problem));
        }

        var report = await SteeringLoader.LoadAsync(db, clock, engagementId, period, cancellationToken);
        return View(new SteeringViewModel(engagementId, report!, available, null));
    }

    [HttpGet("/engagements/{engagementId:int}/steering.pdf")]
    public async Task<IActionResult> Download(int engagementId, string? month, CancellationToken cancellationToken)
    {
        var (period, _, problem) = await MonthAsync(engagementId, month, cancellationToken);
        if (period is null)
        {
            return Problem(problem, statusCode: StatusCodes.Status400BadRequest, title: "No report for that month");
        }

        var report = await SteeringLoader.LoadAsync(db, clock, engagementId, period, cancellationToken);
        return File(renderer.Render(SteeringComposer.Report(report!), cancellationToken), "application/pdf", SteeringContent.FileName(report!));
    }

    private async Task<(SteeringPeriod? Period, IReadOnlyList<SteeringPeriod> Available, string? Problem)> MonthAsync(
        int engagementId, string? month, CancellationToken cancellationToken)
    {
        // The access filter has already found the engagement.
        var engagement = await db.Engagements.AsNoTracking().Where(e => e.Id == engagementId)
            .Select(e => new { e.Kickoff, e.TimeZone }).FirstAsync(cancellationToken);
        var today = clock.TodayIn(engagement.TimeZone);
        var period = SteeringPeriod.Parse(month, engagement.Kickoff, today, out var problem);
        return (period, SteeringPeriod.Available(engagement.Kickoff, today), problem);
    }
}

public sealed record SteeringViewModel(int EngagementId, SteeringModel Report, IReadOnlyList<SteeringPeriod> Months, string? Problem);
