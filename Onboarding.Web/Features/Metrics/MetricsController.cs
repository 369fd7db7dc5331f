using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Onboarding.Core.Data;
using Onboarding.Core.Engagements;
using Onboarding.Core.Plans;
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
        if (!Enum.IsDefined(form.Direction))
        {
            ModelState.AddModelError(nameof(form.Direction), "Choose whether higher or lower is better.");
        }
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
        var engagement = await db.Engagements.Where(e => e.Id == engagementId).Select(e => new { e.TimeZone, e.Kickoff, e.CreatedAt }).FirstAsync();
        var today = clock.TodayIn(engagement.TimeZone);
        var createdOn = Zones.DateIn(engagement.CreatedAt, engagement.TimeZone);
        var measuredOn = form.MeasuredOn ?? today;
        if (PlanDates.CheckMeasuredOn(measuredOn, today, PlanDates.MeasuredFrom(engagement.Kickoff, createdOn)) is { } dateError)
        {
            ModelState.AddModelError(nameof(form.MeasuredOn), dateError);
        }
        if (!ModelState.IsValid || form.Value is null)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("Index", await BuildPageAsync(engagementId, new MetricForm(), (metricId, form)));
        }

        var now = clock.GetUtcNow();
        var value = form.Value.Value;
        var hitTarget = metric.Record(new Measurement
        {
            Value = value,
            MeasuredOn = measuredOn,
            Note = form.Note?.Trim(),
            RecordedByUserId = User.UserId(),
            RecordedAt = now,
        });
        db.RecordActivity(User, engagementId, $"Recorded {value:0.##} {metric.Unit} for “{metric.Name}” measured on {measuredOn:d MMM yyyy}", now);
        if (hitTarget)
        {
            db.Wins.Add(new Win
            {
                EngagementId = engagementId,
                Kind = WinKind.TargetHit,
                Title = Win.TargetHitTitle(metric, value),
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
        var engagement = await db.Engagements.Where(e => e.Id == engagementId).Select(e => new { e.Name, e.Kickoff, e.TimeZone }).FirstAsync();
        var metrics = await db.Metrics.AsNoTracking()
            .Include(m => m.Measurements.OrderBy(v => v.MeasuredOn))
            .Where(m => m.EngagementId == engagementId)
            .OrderBy(m => m.Id)
            .ToListAsync();
        var glossary = await db.GlossaryTerms.AsNoTracking().Where(g => g.EngagementId == engagementId).OrderBy(g => g.Id).ToListAsync();
        var groups = MetricGroups.Of(metrics, glossary, engagement.Kickoff, clock.TodayIn(engagement.TimeZone));
        return new MetricsViewModel(engagementId, engagement.Name, metrics, HttpContext.EngagementAccess(), form, rejected) { Groups = groups };
    }
}

public sealed record MetricsViewModel(
    int EngagementId, string EngagementName, IReadOnlyList<Metric> Metrics, EngagementAccess Access, MetricForm Form,
    (int MetricId, MeasurementForm Form)? Rejected)
{
    public bool CanEdit => Access.IsLeader || Access.Role == EngagementRole.TaLead;

    /// <summary>The metrics by stage and side, as the page lists them (<see cref="MetricGroups"/>).</summary>
    public IReadOnlyList<MetricStageGroup> Groups { get; init; } = [];
}

public sealed class MetricForm
{
    [Required(ErrorMessage = "Name the metric.")]
    [TextLimit(TextLimits.Name, "The metric's name")]
    public string Name { get; set; } = "";

    [Required(ErrorMessage = "Give the unit, e.g. days or %.")]
    [TextLimit(TextLimits.Unit, "The unit")]
    public string Unit { get; set; } = "";

    public MetricDirection Direction { get; set; }

    [MetricValue("The baseline")]
    public decimal? Baseline { get; set; }

    [MetricValue("The target")]
    public decimal? Target { get; set; }

    [StringLength(1000, ErrorMessage = "Keep how it is measured under 1,000 characters.")]
    public string? HowMeasured { get; set; }
}

public sealed class MeasurementForm
{
    [Required(ErrorMessage = "Enter the value.")]
    [MetricValue("The value")]
    public decimal? Value { get; set; }

    /// <summary>Today in the engagement's zone when left empty; see <see cref="PlanDates.CheckMeasuredOn"/>.</summary>
    public DateOnly? MeasuredOn { get; set; }

    [TextLimit(TextLimits.Note, "The note")]
    public string? Note { get; set; }
}

/// <summary>
/// A metric's number: within a billion either way, which its column (18 digits, 4 after the point) holds.
/// Compared as a decimal, so a huge number is refused rather than overflowing a conversion to int.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class MetricValueAttribute(string field) : ValidationAttribute
{
    public const decimal Limit = 1_000_000_000m;

    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        value is decimal number && Math.Abs(number) > Limit
            ? new ValidationResult($"{field} must be between -1,000,000,000 and 1,000,000,000.", validationContext.MemberName is { } member ? [member] : null)
            : ValidationResult.Success;
}
