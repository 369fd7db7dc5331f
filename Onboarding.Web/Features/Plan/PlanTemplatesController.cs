using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Onboarding.Core.Data;
using Onboarding.Core.Engagements;
using Onboarding.Core.Plans;
using Onboarding.Core.Templates;
using Onboarding.Core.Text;
using Onboarding.Core.Time;
using Onboarding.Web.Features.Engagements;
using Onboarding.Web.Infrastructure;

namespace Onboarding.Web.Features.Plan;

/// <summary>
/// The templates a plan was built from: apply another one later (a recruiter placed in week 5 gets their
/// onboarding plan from their own start date), with a preview first; or remove one applied by mistake.
/// </summary>
[Route("/engagements/{engagementId:int}/plan/templates")]
[EngagementRoles(EngagementRole.AccountLeader)]
[OpenEngagementOnly]
public sealed class PlanTemplatesController(OnboardingDbContext db, TemplateCatalog catalog, TimeProvider clock) : Controller
{
    private const string Page = "/Features/Plan/Templates.cshtml";

    [HttpGet("")]
    public async Task<IActionResult> Index(int engagementId)
    {
        var engagement = await db.Engagements.AsNoTracking().FirstAsync(e => e.Id == engagementId);
        var start = PlanWriter.Calendar(engagement).RollForward(clock.TodayIn(engagement.TimeZone));
        var form = new ApplyTemplateForm { Start = start.ToString("yyyy-MM-dd") };
        return View(Page, await BuildPageAsync(engagement, form, preview: null));
    }

    [HttpPost("")]
    public async Task<IActionResult> Apply(int engagementId, ApplyTemplateForm form)
    {
        ModelState.Clear();
        var engagement = await db.Engagements.Include(e => e.Members).Include(e => e.Glossary).Include(e => e.Metrics).AsSplitQuery().FirstAsync(e => e.Id == engagementId);
        var application = await ReadAsync(engagement, form, ModelState);
        var plan = application is null ? null : PlanGenerator.Generate(application.Start, application.Start, PlanWriter.Calendar(engagement), [application.Application]);
        foreach (var role in plan?.UnresolvedOwners.Select(u => u.Role).Distinct() ?? [])
        {
            ModelState.AddModelError(nameof(form.TemplateKey),
                $"The template gives tasks to the {role.InSentence()} role, but nobody in this engagement has it: add one on Stakeholders first.");
        }
        if (form.Action != "apply" || application is null || plan is null || !ModelState.IsValid)
        {
            Response.StatusCode = ModelState.IsValid ? StatusCodes.Status200OK : StatusCodes.Status422UnprocessableEntity;
            var preview = ModelState.IsValid && application is not null && plan is not null ? new ApplyPreview(application, plan, engagement.Members) : null;
            return View(Page, await BuildPageAsync(engagement, form, preview));
        }

        var now = clock.GetUtcNow();
        PlanWriter.Add(engagement, plan, [application.Application], now);
        var title = application.Application.Template.Title + (application.ForMember is { } m ? $" for {m.Name}" : "");
        db.RecordActivity(User, engagementId, $"Applied the template “{title}” from {application.Start:d MMM yyyy}: {Words.Count(plan.Tasks.Count, "task")} added", now);
        await db.SaveChangesAsync();
        TempData["Notice"] = $"“{title}” added {Words.Count(plan.Tasks.Count, "task")} to the plan.";
        return Redirect($"/engagements/{engagementId}/plan");
    }

    /// <summary>
    /// Deletes the snapshot and every task generated from it as <see cref="PlanRemovals.RemoveTemplateAsync"/> says;
    /// glossary terms it brought stay. The activity log keeps what went and why.
    /// </summary>
    [HttpPost("{snapshotId:int}/remove")]
    public async Task<IActionResult> Remove(int engagementId, int snapshotId, RemoveTemplateForm form)
    {
        var snapshot = await db.TemplateSnapshots.Include(s => s.ForMember).FirstOrDefaultAsync(s => s.Id == snapshotId && s.EngagementId == engagementId);
        if (snapshot is null)
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            var engagement = await db.Engagements.AsNoTracking().FirstAsync(e => e.Id == engagementId);
            return View(Page, await BuildPageAsync(engagement, new ApplyTemplateForm(), preview: null, (snapshotId, form.Reason)));
        }

        var removal = await PlanRemovals.RemoveTemplateAsync(db, snapshot, form.Reason);
        db.RecordActivity(User, engagementId, removal.Description, clock.GetUtcNow());
        await db.SaveChangesAsync();
        TempData["Notice"] = $"“{removal.Title}” and its {Words.Count(removal.Tasks, "task")} were removed; the activity log keeps the reason.";
        return Redirect($"/engagements/{engagementId}/plan/templates");
    }

    private async Task<ReadApplication?> ReadAsync(Engagement engagement, ApplyTemplateForm form, ModelStateDictionary errors)
    {
        var template = catalog.Find(form.TemplateKey ?? "");
        if (template is null)
        {
            errors.AddModelError(nameof(form.TemplateKey), string.IsNullOrWhiteSpace(form.TemplateKey)
                ? "Choose the template to apply."
                : $"The template '{TextLimits.Fit(form.TemplateKey, 80)}' is not available (it may have an error; an administrator sees it under Templates).");
        }
        var start = NewTaskForm.ReadWorkingDay(form.Start, nameof(form.Start), "start", PlanWriter.Calendar(engagement), clock.TodayIn(engagement.TimeZone), errors);

        Member? recruiter = null;
        if (template?.Audience == TemplateAudience.Recruiter)
        {
            recruiter = engagement.Members.FirstOrDefault(m => m.Id == form.MemberId && m.Role == EngagementRole.Recruiter);
            if (recruiter is null)
            {
                errors.AddModelError(nameof(form.MemberId), "Choose the recruiter this onboarding plan is for.");
            }
        }
        if (template is null || start is null || !errors.IsValid)
        {
            return null;
        }

        var firstByRole = PlanWriter.FirstByRole(engagement.Members);
        var application = (recruiter is null
            ? new TemplateApplication(template, "", firstByRole)
            : PlanWriter.ForRecruiter(template, recruiter, firstByRole)) with
        { People = PlanWriter.People(template, engagement.Members) };
        if (await db.TemplateSnapshots.AnyAsync(s => s.EngagementId == engagement.Id && s.TemplateKey == template.Key && s.InstanceKey == application.InstanceKey))
        {
            errors.AddModelError(nameof(form.TemplateKey), recruiter is null
                ? $"“{template.Title}” is already applied to this plan; remove it below first to apply it again."
                : $"“{template.Title}” is already applied for {recruiter.Name}; remove it below first to apply it again.");
            return null;
        }
        return new ReadApplication(application, start.Value, recruiter);
    }

    private async Task<TemplatesViewModel> BuildPageAsync(Engagement engagement, ApplyTemplateForm form, ApplyPreview? preview, (int SnapshotId, string Reason)? removing = null)
    {
        var applied = await db.TemplateSnapshots.AsNoTracking()
            .Where(s => s.EngagementId == engagement.Id)
            .OrderBy(s => s.AppliedAt).ThenBy(s => s.Id)
            .Select(s => new AppliedTemplate(
                s.Id, s.Title, s.TemplateKey, s.Version, s.ForMember != null ? s.ForMember.Name : null, s.AppliedAt,
                db.PlanTasks.Count(t => t.TemplateSnapshotId == s.Id),
                db.PlanTasks.Count(t => t.TemplateSnapshotId == s.Id && t.Status == PlanTaskStatus.Done)))
            .ToListAsync();
        applied = applied.Select(a => a with { NewerVersion = catalog.Find(a.TemplateKey)?.Version is { } v && v > a.Version ? v : null }).ToList();
        var recruiters = await db.Members.AsNoTracking()
            .Where(m => m.EngagementId == engagement.Id && m.Role == EngagementRole.Recruiter)
            .OrderBy(m => m.Name)
            .ToListAsync();
        return new TemplatesViewModel(engagement.Id, engagement.Name, applied, catalog.Templates, recruiters, form, preview,
            removing?.SnapshotId, removing?.Reason ?? "");
    }
}

internal sealed record ReadApplication(TemplateApplication Application, DateOnly Start, Member? ForMember);

public sealed record AppliedTemplate(int SnapshotId, string Title, string TemplateKey, int Version, string? ForMember, DateTimeOffset AppliedAt, int Tasks, int Done)
{
    /// <summary>The catalog's version when it is newer than the one applied: the plan can be upgraded to it.</summary>
    public int? NewerVersion { get; init; }
}

/// <summary>The generated tasks before they are saved, with owners shown by name.</summary>
public sealed record ApplyPreview(string Title, IReadOnlyList<PlannedTask> Tasks, IReadOnlyDictionary<string, string> OwnerNames)
{
    internal ApplyPreview(ReadApplication application, GeneratedPlan plan, IEnumerable<Member> members)
        : this(
            application.Application.Template.Title + (application.ForMember is { } m ? $" for {m.Name}" : ""),
            plan.Tasks,
            members.ToDictionary(m => m.Email, m => m.Name, StringComparer.OrdinalIgnoreCase))
    {
    }
}

public sealed record TemplatesViewModel(
    int EngagementId, string EngagementName, IReadOnlyList<AppliedTemplate> Applied, IReadOnlyList<PlanTemplate> Available,
    IReadOnlyList<Member> Recruiters, ApplyTemplateForm Form, ApplyPreview? Preview, int? RemovingSnapshotId, string RemoveReason);

/// <summary>The apply form as typed; <see cref="Action"/> says which button was pressed: "preview" or "apply".</summary>
public sealed class ApplyTemplateForm
{
    public string? TemplateKey { get; set; }
    public int? MemberId { get; set; }
    public string Start { get; set; } = "";
    public string Action { get; set; } = "preview";
}

public sealed class RemoveTemplateForm
{
    [Required(ErrorMessage = "Say why the template is removed; the activity log keeps the reason.")]
    [StringLength(500, ErrorMessage = "Keep the reason under 500 characters.")]
    public string Reason { get; set; } = "";
}
