using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Onboarding.Core.Data;
using Onboarding.Core.Locations.Holidays;
using Onboarding.Core.Plans;
using Onboarding.Core.Templates;

namespace Onboarding.Core.Engagements;

/// <summary>A task the upgrade adds, dated, with the member who will own it (null: nobody has the role).</summary>
public sealed record UpgradeAddition(PlannedTask Task, Member? Owner);

/// <summary>A task the new version no longer has. <see cref="LosesWork"/> warns that finished work or a conversation goes with it.</summary>
public sealed record UpgradeRemoval(PlanTask Task, int Comments)
{
    public bool LosesWork => Task.Status == PlanTaskStatus.Done || Comments > 0;
}

/// <summary>A kept task (same key) that the new version changes; <see cref="Planned"/> carries its new text and dates.</summary>
public sealed record UpgradeChange(PlanTask Task, PlannedTask Planned, IReadOnlyList<string> Changes)
{
    public bool DatesChange => Task.Start != Planned.Start || Task.Due != Planned.Due;
}

/// <summary>
/// Everything an upgrade of one applied template would do, before anything is saved. With <see cref="Problems"/>
/// it must not be applied. <see cref="Fingerprint"/> identifies exactly these changes, so a confirmation can
/// prove it applies what was reviewed.
/// </summary>
public sealed record PlanUpgradePreview(
    Engagement Engagement,
    TemplateSnapshot Snapshot,
    PlanTemplate? Template,
    IReadOnlyList<string> Problems,
    IReadOnlyList<UpgradeAddition> Added,
    IReadOnlyList<UpgradeRemoval> Removed,
    IReadOnlyList<UpgradeChange> Changed,
    IReadOnlyList<StarterTerm> NewTerms,
    int KeptTasks,
    string Fingerprint)
{
    public string Title => Snapshot.Title + (Snapshot.ForMember is { } m ? $" for {m.Name}" : "");

    public bool CanApply => Problems.Count == 0 && Template is not null;
}

public enum UpgradeStatus
{
    Applied,
    NotFound,

    /// <summary>The preview has problems (broken template, a role nobody has, nothing newer): nothing was changed.</summary>
    Refused,

    /// <summary>The plan, the snapshot or the catalog changed since the preview that was confirmed: nothing was changed.</summary>
    Stale,
}

/// <summary><see cref="Preview"/> is the fresh preview, to show again when the upgrade was not applied.</summary>
public sealed record UpgradeResult(UpgradeStatus Status, PlanUpgradePreview? Preview, string? Message);

/// <summary>What the person confirming saw: versions and the preview's fingerprint.</summary>
public sealed record UpgradeConfirmation(int FromVersion, int ToVersion, string Fingerprint);

/// <summary>
/// Upgrading an engagement's plan to a newer version of a template it applied. The dates come from
/// <see cref="PlanRescheduler.Upgrade"/>: kept tasks keep their dates, status, comments, completion and history and
/// take the new title, what, why, phase, dependencies, milestone flag and checklist; new tasks get owners as
/// applying a template does; tasks the new version dropped are deleted as <see cref="PlanRemovals"/> deletes them, each
/// recorded in the activity log first.
/// Done tasks never move. A role the new tasks need but nobody has stops the upgrade before it reaches the database.
/// </summary>
public static class PlanUpgradeWriter
{
    /// <summary>The upgrade of snapshot <paramref name="snapshotId"/> to the catalog's version, or null when the engagement has no such snapshot.</summary>
    public static async Task<PlanUpgradePreview?> PreviewAsync(OnboardingDbContext db, TemplateCatalog catalog, int engagementId, int snapshotId)
    {
        var snapshot = await db.TemplateSnapshots.Include(s => s.ForMember).FirstOrDefaultAsync(s => s.Id == snapshotId && s.EngagementId == engagementId);
        if (snapshot is null)
        {
            return null;
        }
        var engagement = await db.Engagements.Include(e => e.Members).ThenInclude(m => m.Locations).ThenInclude(l => l.Holidays).Include(e => e.Glossary).AsSplitQuery().FirstAsync(e => e.Id == engagementId);
        var tasks = await db.PlanTasks
            .Include(t => t.DependsOn)
            .Include(t => t.Checklist)
            .Include(t => t.Participants)
            .Where(t => t.EngagementId == engagementId && t.TemplateSnapshotId == snapshotId)
            .OrderBy(t => t.Start).ThenBy(t => t.Due).ThenBy(t => t.Id)
            .AsSplitQuery()
            .ToListAsync();
        var ids = tasks.Select(t => t.Id).ToList();
        var comments = await db.TaskComments
            .Where(c => ids.Contains(c.TaskId))
            .GroupBy(c => c.TaskId)
            .Select(g => new { TaskId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.TaskId, g => g.Count);
        var template = catalog.Find(snapshot.TemplateKey);
        var errors = catalog.Errors.Where(e => Path.GetFileNameWithoutExtension(e.File) == snapshot.TemplateKey).ToList();
        return Compare(engagement, snapshot, tasks, comments, template, errors, await SharedElsewhereAsync(db, engagementId, snapshotId));
    }

    /// <summary>
    /// The shared keys the engagement's other templates already hold a task for: a shared step of the new version with one
    /// of these keys was merged into that task at launch, so the upgrade must not add it back as a task of its own.
    /// </summary>
    private static async Task<IReadOnlySet<string>> SharedElsewhereAsync(OnboardingDbContext db, int engagementId, int snapshotId)
    {
        var others = await db.TemplateSnapshots
            .Where(s => s.EngagementId == engagementId && s.Id != snapshotId)
            .Select(s => new { s.TemplateKey, s.InstanceKey, s.Content })
            .ToListAsync();
        // A per-person step is held as copies (key@person): the step is there when any copy is.
        var keys = (await db.PlanTasks.Where(t => t.EngagementId == engagementId && t.TemplateSnapshotId != snapshotId).Select(t => t.Key).ToListAsync())
            .Select(k => k.Split(PersonalCopies.KeySeparator)[0])
            .ToHashSet();
        var shared = new HashSet<string>(StringComparer.Ordinal);
        foreach (var other in others)
        {
            var template = TemplateParser.Parse($"{other.TemplateKey}.md", other.Content).Template;
            foreach (var task in template?.Tasks.Where(t => t.SharedKey is not null) ?? [])
            {
                if (keys.Contains(PlanKeys.For(other.TemplateKey, other.InstanceKey, task.Key)))
                {
                    shared.Add(task.SharedKey!);
                }
            }
        }
        return shared;
    }

    /// <summary>
    /// Applies the upgrade in one transaction if it is still exactly the one <paramref name="confirmed"/> describes:
    /// same snapshot version, same catalog version, same changes. Otherwise nothing changes.
    /// </summary>
    /// <remarks>
    /// A transient database failure runs the whole transaction again, from a clean change tracker: what a failed attempt
    /// loaded or changed is not what the database holds after its rollback.
    /// </remarks>
    public static Task<UpgradeResult> ApplyAsync(
        OnboardingDbContext db, TemplateCatalog catalog, int engagementId, int snapshotId, UpgradeConfirmation confirmed,
        string? actorUserId, string actorName, DateTimeOffset now) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(() =>
        {
            db.ChangeTracker.Clear();
            return ApplyOnceAsync(db, catalog, engagementId, snapshotId, confirmed, actorUserId, actorName, now);
        });

    private static async Task<UpgradeResult> ApplyOnceAsync(
        OnboardingDbContext db, TemplateCatalog catalog, int engagementId, int snapshotId, UpgradeConfirmation confirmed,
        string? actorUserId, string actorName, DateTimeOffset now)
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        var preview = await PreviewAsync(db, catalog, engagementId, snapshotId);
        if (preview is null)
        {
            return new UpgradeResult(UpgradeStatus.NotFound, null, null);
        }
        var snapshot = preview.Snapshot;
        if (snapshot.Version != confirmed.FromVersion)
        {
            return Stale(preview, $"Since you reviewed the upgrade from version {confirmed.FromVersion}, this plan moved to version {snapshot.Version} of “{preview.Title}”. Nothing was changed; review the upgrade again.");
        }
        if (preview.Template is { } catalogTemplate && catalogTemplate.Version != confirmed.ToVersion)
        {
            return Stale(preview, $"The catalog now has version {catalogTemplate.Version} of “{catalogTemplate.Title}”, not version {confirmed.ToVersion} as reviewed. Nothing was changed; review the upgrade again.");
        }
        if (!preview.CanApply)
        {
            return new UpgradeResult(UpgradeStatus.Refused, preview, null);
        }
        if (preview.Fingerprint != confirmed.Fingerprint)
        {
            return Stale(preview, "The plan changed since you reviewed the upgrade (a task was completed, moved or commented on, for instance). Nothing was changed; review the changes below and confirm again.");
        }

        var template = preview.Template!;
        // Claiming the snapshot at the reviewed version serialises concurrent confirmations: the second finds no row to claim.
        var claimed = await db.TemplateSnapshots
            .Where(s => s.Id == snapshotId && s.Version == confirmed.FromVersion)
            .ExecuteUpdateAsync(s => s
                .SetProperty(x => x.Version, template.Version)
                .SetProperty(x => x.Title, template.Title)
                .SetProperty(x => x.Content, template.SourceText));
        if (claimed == 0)
        {
            return Stale(preview, $"Someone else upgraded “{preview.Title}” at the same moment. Nothing was changed by your confirmation.");
        }

        await ApplyAsync(db, preview, actorUserId, actorName, now);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return new UpgradeResult(UpgradeStatus.Applied, preview, Summary(preview));
    }

    /// <summary>The pure part: compares the snapshot's tasks with <paramref name="template"/> regenerated on the plan's own dates.</summary>
    public static PlanUpgradePreview Compare(
        Engagement engagement, TemplateSnapshot snapshot, IReadOnlyList<PlanTask> tasks, IReadOnlyDictionary<int, int> comments,
        PlanTemplate? template, IReadOnlyList<TemplateError> templateErrors, IReadOnlySet<string>? sharedElsewhere = null)
    {
        PlanUpgradePreview Refuse(string problem) => new(engagement, snapshot, template, [problem], [], [], [], [], tasks.Count, "");

        if (template is null)
        {
            return Refuse(templateErrors.Count == 0
                ? $"The catalog no longer has a template '{snapshot.TemplateKey}', so there is nothing to upgrade to."
                : $"The catalog's template '{snapshot.TemplateKey}' has errors, so the plan cannot be upgraded to it until they are fixed: {string.Join("; ", templateErrors)}");
        }
        if (template.Version <= snapshot.Version)
        {
            return Refuse($"Nothing to upgrade: this plan uses version {snapshot.Version} of “{snapshot.Title}” and the catalog has version {template.Version}.");
        }
        var application = Application(engagement, snapshot, template, tasks, out var applicationProblem, out var departed);
        if (application is null)
        {
            return Refuse(applicationProblem!);
        }

        var calendar = PlanWriter.Calendar(engagement);
        var anchor = AnchorDate(engagement, snapshot, template, tasks, calendar);
        // The snapshot's day 1 for its own anchor; a task counting from the other one counts from the engagement's date.
        var plan = template.Anchor == DayAnchor.GoLive
            ? PlanGenerator.Generate(engagement.Kickoff, anchor, calendar, [application])
            : PlanGenerator.Generate(anchor, engagement.GoLive, calendar, [application]);
        if (sharedElsewhere is { Count: > 0 })
        {
            // A shared step another template's task already stands for stays that one task: the regenerated copy goes, and so do
            // the dependencies on it (the plan's own, on the merged task, are outside this template and stay as they are).
            // A copy this template's plan already holds (it was applied on its own, after launch) is kept like any other task.
            var held = tasks.Select(t => t.Key).ToHashSet();
            var merged = plan.Tasks.Where(t => t.SharedKey is { } key && sharedElsewhere.Contains(key) && !held.Contains(t.Key)).Select(t => t.Key).ToHashSet();
            plan = plan with
            {
                Tasks = plan.Tasks.Where(t => !merged.Contains(t.Key)).Select(t => t with { DependsOn = t.DependsOn.Where(d => !merged.Contains(d)).ToList() }).ToList(),
            };
        }
        var keyOf = tasks.ToDictionary(t => t.Id, t => t.Key);
        var current = tasks.Select(t => State(t, template.Anchor, keyOf)).ToList();
        var upgrade = OnLocations(PlanRescheduler.Upgrade(current, plan.Tasks.Select(t => t.ToState()).ToList(), calendar), engagement, tasks, plan, calendar);

        var planned = plan.Tasks.ToDictionary(t => t.Key);
        var byKey = tasks.ToDictionary(t => t.Key);
        var membersByEmail = engagement.Members.ToDictionary(m => m.Email, StringComparer.OrdinalIgnoreCase);
        var added = new List<UpgradeAddition>();
        var changed = new List<UpgradeChange>();
        foreach (var state in upgrade.Tasks)
        {
            var task = planned[state.Key] with { Start = state.Start, Due = state.Due, Warning = state.Warning };
            if (!byKey.TryGetValue(state.Key, out var existing))
            {
                if (task.Person is { } person && departed.Contains(person.Key))
                {
                    // Someone who left keeps the copies they had (reassigned or skipped), and gets no new ones.
                    continue;
                }
                added.Add(new UpgradeAddition(task, task.OwnerReference is { } email ? membersByEmail[email] : null));
            }
            else if (Differences(existing, task, keyOf, engagement.Members) is { Count: > 0 } differences)
            {
                changed.Add(new UpgradeChange(existing, task, differences));
            }
        }
        var removed = upgrade.Removed.Select(s => byKey[s.Key]).Select(t => new UpgradeRemoval(t, comments.GetValueOrDefault(t.Id))).ToList();

        var addedKeys = added.Select(a => a.Task.Key).ToHashSet();
        var problems = plan.UnresolvedOwners
            .Where(u => u.TaskKeys.Any(addedKeys.Contains))
            .Select(u => u.Role)
            .Distinct()
            .Select(role => $"The new version gives tasks to the {role.InSentence()} role, but nobody in this engagement has it: add one on Stakeholders first.")
            .ToList();
        var newTerms = StarterGlossary.NewTerms(engagement.Glossary, template.Glossary).ToList();
        return new PlanUpgradePreview(
            engagement, snapshot, template, problems, added, removed, changed, newTerms, tasks.Count - removed.Count,
            Fingerprint(snapshot, template, added, removed, changed));
    }

    public static string Summary(PlanUpgradePreview preview)
    {
        var doneRemoved = preview.Removed.Count(r => r.Task.Status == PlanTaskStatus.Done);
        return $"{Text.Words.Count(preview.Added.Count, "task")} added, {preview.Removed.Count} removed ({doneRemoved} done), {preview.Changed.Count} changed";
    }

    /// <summary>
    /// The owners as applying the template gave them: the first member of each role, and for a recruiter's
    /// onboarding the recruiter it was applied for. The instance key stays the snapshot's, so task keys match.
    /// Per-person roles are copied for every member holding them now, and for every person the plan already has
    /// copies for (<paramref name="departed"/>: those no longer holding the role, whose copies stay as they are).
    /// </summary>
    private static TemplateApplication? Application(
        Engagement engagement, TemplateSnapshot snapshot, PlanTemplate template, IReadOnlyList<PlanTask> tasks, out string? problem, out HashSet<string> departed)
    {
        problem = null;
        var firstByRole = PlanWriter.FirstByRole(engagement.Members);
        var holders = PlanWriter.People(template, engagement.Members);
        departed = [];
        var people = new Dictionary<EngagementRole, IReadOnlyList<PlanPerson>>();
        foreach (var (role, current) in holders)
        {
            var list = current.ToList();
            foreach (var copy in tasks.Where(t => t.OwnerRole == role && t.PersonKey is not null && list.All(p => p.Key != t.PersonKey)).GroupBy(t => t.PersonKey!))
            {
                departed.Add(copy.Key);
                var owner = copy.Select(t => t.OwnerId).FirstOrDefault(id => id is not null);
                var reference = engagement.Members.FirstOrDefault(m => m.Id == owner)?.Email ?? "";
                list.Add(new PlanPerson(reference, copy.Key, copy.First().PersonName ?? copy.Key));
            }
            people[role] = list;
        }
        if (template.Audience != TemplateAudience.Recruiter)
        {
            if (snapshot.InstanceKey.Length > 0)
            {
                problem = $"The new version of “{template.Title}” is no longer a per-recruiter template, but this plan applied it for one recruiter; remove it and apply the new version instead.";
                return null;
            }
            return new TemplateApplication(template, "", firstByRole) { People = people };
        }
        if (snapshot.ForMember is not { Role: EngagementRole.Recruiter } recruiter)
        {
            problem = snapshot.InstanceKey.Length == 0
                ? $"The new version of “{template.Title}” is a per-recruiter template, but this plan applied it once for everyone; remove it and apply the new version for each recruiter instead."
                : $"The recruiter “{snapshot.Title}” was applied for is no longer a recruiter in this engagement, so the new tasks would have no owner.";
            return null;
        }
        return PlanWriter.ForRecruiter(template, recruiter, firstByRole) with { InstanceKey = snapshot.InstanceKey, People = people };
    }

    /// <summary>
    /// The date the snapshot's day 1 fell on. The snapshot does not store it (a template applied later counts from the
    /// day chosen then), so it is read back from the tasks: the day-1 date most of them imply through their old
    /// start day, preferring unfinished tasks without a warning, as a reschedule moved those and not done ones.
    /// With no such task, or when the new version counts from another anchor, the engagement's own date.
    /// </summary>
    private static DateOnly AnchorDate(Engagement engagement, TemplateSnapshot snapshot, PlanTemplate template, IReadOnlyList<PlanTask> tasks, BusinessCalendar calendar)
    {
        var fallback = template.Anchor == DayAnchor.GoLive ? engagement.GoLive : engagement.Kickoff;
        var old = TemplateParser.Parse($"{snapshot.TemplateKey}.md", snapshot.Content).Template;
        if (old is null || old.Anchor != template.Anchor)
        {
            return fallback;
        }
        var startDays = old.Tasks.Where(t => t.Anchor is null).ToDictionary(t => PlanKeys.For(snapshot.TemplateKey, snapshot.InstanceKey, t.Key), t => t.StartDay);
        var implied = tasks
            .Where(t => t.Warning is null && startDays.ContainsKey(t.Key))
            .Select(t => (t.IsOpen, Date: calendar.AddWorkingDays(t.Start, 1 - startDays[t.Key])))
            .ToList();
        var votes = implied.Any(i => i.IsOpen) ? implied.Where(i => i.IsOpen) : implied;
        return votes.GroupBy(i => i.Date)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key)
            .Select(g => (DateOnly?)g.Key)
            .FirstOrDefault() ?? fallback;
    }

    /// <summary>Dependencies on tasks outside the snapshot (added by hand) are not the template's: they stay as they are.</summary>
    /// <summary>
    /// Kept tasks stay on their people's location calendars; new ones, generated on the engagement's calendar, move onto
    /// their owner's and participants' (members' locations and holidays loaded).
    /// </summary>
    private static PlanUpgrade OnLocations(PlanUpgrade upgrade, Engagement engagement, IReadOnlyList<PlanTask> tasks, GeneratedPlan plan, BusinessCalendar calendar)
    {
        if (!engagement.Members.Any(m => m.Locations.Count > 0))
        {
            return upgrade;
        }
        var located = new LocationCalendars(calendar);
        var stored = tasks.ToDictionary(t => t.Key);
        var generated = plan.Tasks.ToDictionary(t => t.Key);
        var members = engagement.Members.GroupBy(m => m.Email, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        var byRole = engagement.Members.ToLookup(m => m.Role);
        var states = upgrade.Tasks;
        TaskCalendar Of(int i) =>
            stored.TryGetValue(states[i].Key, out var kept) ? located.For(kept)
            : generated[states[i].Key] is { OwnerReference: { } owner } task ? located.For(members.GetValueOrDefault(owner), task.ParticipantRoles.SelectMany(r => byRole[r]))
            : new TaskCalendar(calendar);
        return upgrade with { Tasks = TaskCalendars.Recalendar(states, i => stored.ContainsKey(states[i].Key) ? Of(i).Calendar : calendar, Of) };
    }

    private static PlanTaskState State(PlanTask task, DayAnchor anchor, IReadOnlyDictionary<int, string> keyOf) => new(
        task.Key,
        anchor,
        task.Start,
        task.Due,
        task.DependsOn.Where(d => keyOf.ContainsKey(d.DependsOnTaskId)).Select(d => keyOf[d.DependsOnTaskId]).ToList(),
        task.Status == PlanTaskStatus.Done ? (task.CompletedAt is { } at ? DateOnly.FromDateTime(at.UtcDateTime) : task.Due) : null,
        task.Warning);

    private static List<string> Differences(PlanTask task, PlannedTask planned, IReadOnlyDictionary<int, string> keyOf, IReadOnlyList<Member> members)
    {
        var differences = new List<string>();
        if (task.Title != planned.Title)
        {
            differences.Add("title");
        }
        if (task.What != planned.What)
        {
            differences.Add("what");
        }
        if (task.Why != planned.Why)
        {
            differences.Add("why");
        }
        if (task.PhaseKey != planned.PhaseKey || task.PhaseTitle != planned.PhaseTitle)
        {
            differences.Add("phase");
        }
        var dependencies = task.DependsOn.Where(d => keyOf.ContainsKey(d.DependsOnTaskId)).Select(d => keyOf[d.DependsOnTaskId]).ToHashSet();
        if (!dependencies.SetEquals(planned.DependsOn))
        {
            differences.Add("dependencies");
        }
        if (task.IsMilestone != planned.IsMilestone)
        {
            differences.Add("milestone");
        }
        if (!task.Checklist.OrderBy(c => c.Position).Select(c => c.Text).SequenceEqual(planned.Checklist))
        {
            differences.Add("checklist");
        }
        if (task.Start != planned.Start || task.Due != planned.Due)
        {
            differences.Add("dates");
        }
        if (!task.Participants.Select(p => p.MemberId).ToHashSet().SetEquals(Participants(task, planned, members)))
        {
            differences.Add("participants");
        }
        return differences;
    }

    /// <summary>Saving is the caller's; the snapshot itself is claimed and updated by <see cref="ApplyAsync(OnboardingDbContext, TemplateCatalog, int, int, UpgradeConfirmation, string?, string, DateTimeOffset)"/>.</summary>
    private static async Task ApplyAsync(OnboardingDbContext db, PlanUpgradePreview preview, string? actorUserId, string actorName, DateTimeOffset now)
    {
        var engagement = preview.Engagement;
        var snapshot = preview.Snapshot;
        var template = preview.Template!;
        var version = template.Version;
        var taskIds = preview.Changed.Select(c => c.Task.Id).ToList();
        var milestones = (await db.Milestones.Where(m => m.TaskId != null && taskIds.Contains(m.TaskId.Value)).ToListAsync()).ToLookup(m => m.TaskId!.Value);
        var tasksByKey = await db.PlanTasks.Where(t => t.EngagementId == engagement.Id && t.TemplateSnapshotId == snapshot.Id).ToDictionaryAsync(t => t.Key);
        var keyOf = tasksByKey.Values.ToDictionary(t => t.Id, t => t.Key);

        void Record(int? taskId, string description) => db.Activity.Add(ActivityEntry.New(engagement.Id, now, actorUserId, actorName, description, taskId));

        foreach (var description in await PlanRemovals.RemoveForUpgradeAsync(db, engagement.Id, preview.Removed, version))
        {
            Record(null, description);
        }
        foreach (var removal in preview.Removed)
        {
            tasksByKey.Remove(removal.Task.Key);
        }

        foreach (var addition in preview.Added)
        {
            var task = PlanWriter.NewTask(addition.Task, addition.Owner!);
            task.TemplateSnapshotId = snapshot.Id;
            PlanWriter.AddParticipants(task, addition.Task.ParticipantRoles, engagement.Members);
            engagement.Tasks.Add(task);
            tasksByKey[task.Key] = task;
            if (task.IsMilestone)
            {
                engagement.Milestones.Add(new Milestone { Title = task.Title, Date = task.Due, Task = task });
            }
        }
        foreach (var addition in preview.Added)
        {
            var task = tasksByKey[addition.Task.Key];
            task.DependsOn.AddRange(addition.Task.DependsOn.Select(k => new TaskDependency { DependsOnTask = tasksByKey[k] }));
        }

        foreach (var change in preview.Changed)
        {
            Update(db, engagement, change, milestones[change.Task.Id].ToList(), keyOf, tasksByKey);
            Record(change.Task.Id, $"Template upgrade to version {version} changed the {string.Join(", ", change.Changes)} of “{change.Planned.Title}”");
        }

        foreach (var term in preview.NewTerms)
        {
            engagement.Glossary.Add(new GlossaryTerm { ClientTerm = term.ClientTerm, ProviderTerm = term.ProviderTerm, Definition = term.Definition, UpdatedAt = now });
        }
        Record(null, $"Upgraded the template “{preview.Title}” from version {snapshot.Version} to {version}: {Summary(preview)}");
    }

    /// <summary>New text and structure on a kept task; its status, owner, comments, completion and ticked checklist items stay.</summary>
    private static void Update(
        OnboardingDbContext db, Engagement engagement, UpgradeChange change, IReadOnlyList<Milestone> milestones,
        IReadOnlyDictionary<int, string> keyOf, IReadOnlyDictionary<string, PlanTask> tasksByKey)
    {
        var (task, planned) = (change.Task, change.Planned);
        task.Title = planned.Title;
        task.What = planned.What;
        task.Why = planned.Why;
        task.PhaseKey = planned.PhaseKey;
        task.PhaseTitle = planned.PhaseTitle;
        task.IsMilestone = planned.IsMilestone;
        if (change.DatesChange)
        {
            task.Start = planned.Start;
            task.Due = planned.Due;
            task.Warning = planned.Warning;
        }

        if (change.Changes.Contains("participants"))
        {
            var wantedMembers = Participants(task, planned, engagement.Members).ToHashSet();
            task.Participants.RemoveAll(p => !wantedMembers.Contains(p.MemberId));
            task.Participants.AddRange(wantedMembers.Where(id => task.Participants.All(p => p.MemberId != id)).Select(id => new TaskParticipant { MemberId = id }));
        }

        // Items are matched by text, so a ticked item the new version keeps stays ticked.
        var unused = task.Checklist.ToList();
        for (var i = 0; i < planned.Checklist.Count; i++)
        {
            if (unused.FirstOrDefault(c => c.Text == planned.Checklist[i]) is { } item)
            {
                unused.Remove(item);
                item.Position = i;
            }
            else
            {
                task.Checklist.Add(new ChecklistItem { Text = planned.Checklist[i], Position = i });
            }
        }
        task.Checklist.RemoveAll(unused.Contains);

        // Only dependencies between the template's own tasks follow the new version; ones added by hand stay.
        var wanted = planned.DependsOn.ToHashSet();
        task.DependsOn.RemoveAll(d => keyOf.TryGetValue(d.DependsOnTaskId, out var key) && !wanted.Contains(key));
        var kept = task.DependsOn.Where(d => keyOf.ContainsKey(d.DependsOnTaskId)).Select(d => keyOf[d.DependsOnTaskId]).ToHashSet();
        task.DependsOn.AddRange(planned.DependsOn.Where(k => !kept.Contains(k)).Select(k => new TaskDependency { DependsOnTask = tasksByKey[k] }));

        // Reached milestones are history and stay; the pending one follows the task, or goes when the task is no longer a milestone.
        var pending = milestones.Where(m => m.ReachedAt is null).ToList();
        if (!task.IsMilestone)
        {
            db.Milestones.RemoveRange(pending);
            return;
        }
        foreach (var milestone in pending)
        {
            milestone.Title = task.Title;
            milestone.Date = task.Due;
        }
        if (milestones.Count == 0)
        {
            // A done task that becomes a milestone has already reached it.
            engagement.Milestones.Add(new Milestone { Title = task.Title, Date = task.Due, Task = task, ReachedAt = task.Status == PlanTaskStatus.Done ? task.CompletedAt : null });
        }
    }

    /// <summary>The members the new version has attend a kept task: everyone holding a participant role, except the owner.</summary>
    private static IEnumerable<int> Participants(PlanTask task, PlannedTask planned, IReadOnlyList<Member> members) =>
        members.Where(m => planned.ParticipantRoles.Contains(m.Role) && m.Id != task.OwnerId).Select(m => m.Id);

    private static UpgradeResult Stale(PlanUpgradePreview preview, string message) => new(UpgradeStatus.Stale, preview, message);


    private static string Fingerprint(
        TemplateSnapshot snapshot, PlanTemplate template, IEnumerable<UpgradeAddition> added, IEnumerable<UpgradeRemoval> removed, IEnumerable<UpgradeChange> changed)
    {
        var text = new StringBuilder()
            .AppendLine($"{snapshot.Id} {snapshot.Version} {template.Key} {template.Version}")
            .AppendLine(template.SourceText);
        foreach (var a in added)
        {
            text.AppendLine($"+ {a.Task.Key} {a.Owner?.Id} {a.Task.Start.Iso()} {a.Task.Due.Iso()}");
        }
        foreach (var r in removed)
        {
            text.AppendLine($"- {r.Task.Key} {r.Task.Status} {r.Comments}");
        }
        foreach (var c in changed)
        {
            text.AppendLine($"~ {c.Task.Key} {string.Join(',', c.Changes)} {c.Planned.Start.Iso()} {c.Planned.Due.Iso()}");
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..32];
    }
}
