using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Onboarding.Core.Data;
using Onboarding.Core.Engagements;
using Onboarding.Core.Time;
using Onboarding.Web.Features.Engagements;
using Onboarding.Web.Infrastructure;

namespace Onboarding.Web.Features.Metrics;

[Route("/engagements/{engagementId:int}/metrics")]
public sealed class MetricsController(OnboardingDbContext db, TimeProvider clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(int engagementId) => View(await BuildPageAsync(engagementId, new MetricForm(), null));

    [HttpPost("")]
    [OpenEngagementOnly]
    [EngagementRoles(EngagementRole.AccountLeader, EngagementRole.TaLead)]
    public async Task<IActionResult> Add(int engagementId, MetricForm form)
    {
        if (form.Baseline is { } baseline && form.Target is { } target && baseline == target)
        {
            ModelState.AddModelError(nameof(form.Target), "The target equals the baseline: choose a target that is an improvement.");
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("Index", await BuildPageAsync(engagementId, form, null));
        }
        var now = clock.GetUtcNow();
        db.Metrics.Add(new Metric
        {
            EngagementId = engagementId,
            Name = form.Name.Trim(),
            Unit = form.Unit.Trim(),
            Direction = form.Direction,
            Baseline = form.Baseline,
            Target = form.Target,
            HowMeasured = form.HowMeasured?.Trim() ?? "",
        });
        db.RecordActivity(User, engagementId, $"Added the metric “{form.Name.Trim()}”", now);
        await db.SaveChangesAsync();
        return Redirect($"/engagements/{engagementId}/metrics");
    }

    [HttpPost("{metricId:int}/values")]
    [OpenEngagementOnly]
    [EngagementRoles(EngagementRole.AccountLeader, EngagementRole.TaLead)]
    public async Task<IActionResult> RecordValue(int engagementId, int metricId, MeasurementForm form)
    {
        var metric = await db.Metrics.Include(m => m.Measurements).FirstOrDefaultAsync(m => m.Id == metricId && m.EngagementId == engagementId);
        if (metric is null)
        {
            return NotFound();
        }
        if (!ModelState.IsValid || form.Value is null)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("Index", await BuildPageAsync(engagementId, new MetricForm(), (metricId, form)));
        }

        var now = clock.GetUtcNow();
        var engagementZone = await db.Engagements.Where(e => e.Id == engagementId).Select(e => e.TimeZone).FirstAsync();
        var wasMet = metric.Measurements.Any(m => metric.IsMet(m.Value));
        var value = form.Value.Value;
        metric.Measurements.Add(new Measurement
        {
            Value = value,
            MeasuredOn = form.MeasuredOn ?? clock.TodayIn(engagementZone),
            Note = form.Note?.Trim(),
            RecordedByUserId = User.UserId(),
            RecordedAt = now,
        });
        db.RecordActivity(User, engagementId, $"Recorded {value:0.##} {metric.Unit} for “{metric.Name}”", now);
        if (!wasMet && metric.IsMet(value))
        {
            db.Wins.Add(new Win
            {
                EngagementId = engagementId,
                Kind = WinKind.TargetHit,
                Title = $"Target hit: {metric.Name} reached {value:0.##} {metric.Unit} (target {metric.Target:0.##})",
                MetricId = metric.Id,
                AuthorUserId = User.UserId(),
                AuthorName = User.DisplayName(),
                CreatedAt = now,
            });
        }
        await db.SaveChangesAsync();
        return Redirect($"/engagements/{engagementId}/metrics#metric-{metricId}");
    }

    private async Task<MetricsViewModel> BuildPageAsync(int engagementId, MetricForm form, (int MetricId, MeasurementForm Form)? rejected)
    {
        var name = await db.Engagements.Where(e => e.Id == engagementId).Select(e => e.Name).FirstAsync();
        var metrics = await db.Metrics.AsNoTracking()
            .Include(m => m.Measurements.OrderBy(v => v.MeasuredOn))
            .Where(m => m.EngagementId == engagementId)
            .OrderBy(m => m.Id)
            .ToListAsync();
        return new MetricsViewModel(engagementId, name, metrics, HttpContext.EngagementAccess(), form, rejected);
    }
}

public sealed record MetricsViewModel(
    int EngagementId, string EngagementName, IReadOnlyList<Metric> Metrics, EngagementAccess Access, MetricForm Form,
    (int MetricId, MeasurementForm Form)? Rejected)
{
    public bool CanEdit => Access.IsLeader || Access.Role == EngagementRole.TaLead;
}

public sealed class MetricForm
{
    [Required(ErrorMessage = "Name the metric.")]
    [StringLength(200)]
    public string Name { get; set; } = "";

    [Required(ErrorMessage = "Give the unit, e.g. days or %.")]
    [StringLength(50)]
    public string Unit { get; set; } = "";

    public MetricDirection Direction { get; set; }

    [Range(-1_000_000_000, 1_000_000_000, ErrorMessage = "Enter a number.")]
    public decimal? Baseline { get; set; }

    [Range(-1_000_000_000, 1_000_000_000, ErrorMessage = "Enter a number.")]
    public decimal? Target { get; set; }

    [StringLength(1000)]
    public string? HowMeasured { get; set; }
}

public sealed class MeasurementForm
{
    [Required(ErrorMessage = "Enter the value.")]
    [Range(-1_000_000_000, 1_000_000_000, ErrorMessage = "Enter a number.")]
    public decimal? Value { get; set; }

    public DateOnly? MeasuredOn { get; set; }

    [StringLength(500)]
    public string? Note { get; set; }
}
