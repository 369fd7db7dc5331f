using Microsoft.EntityFrameworkCore;
using Onboarding.Core.Accounts;
using Onboarding.Core.Data;
using Onboarding.Core.Plans;
using Onboarding.Core.Templates;
using Onboarding.Core.Time;

namespace Onboarding.Core.Engagements;

/// <summary>The tasks a person joining an engagement gets: their own copies, and open tasks they will attend.</summary>
public sealed record PersonalTaskPreview(DateOnly CountedFrom, IReadOnlyList<PlannedTask> Copies, IReadOnlyList<PlanTask> Attends)
{
    public bool IsEmpty => Copies.Count == 0 && Attends.Count == 0;
}

/// <summary>A member about to leave: their open tasks, and who with the same role could take them over.</summary>
public sealed record PersonRemovalPreview(Member Member, IReadOnlyList<PlanTask> OpenTasks, IReadOnlyList<Member> CanTakeOver);

public enum PersonRemovalStatus
{
    Removed,
    NotFound,

    /// <summary>The chosen member cannot take the tasks over (not in the engagement, another role, the person leaving).</summary>
    BadReassignment,

    /// <summary>The last account leader cannot leave: nobody could manage the engagement.</summary>
    LastAccountLeader,
}

public sealed record PersonRemovalResult(PersonRemovalStatus Status, string Message);

/// <summary>
/// People joining and leaving a running plan. A person added with a per-person role (see templates/README.md) gets
/// their own copy of each task that role owns in the engagement's templates (the snapshots the plan runs on, not the
/// catalog), dated as if the template were applied on the day they are added: day 1 is that day rolled forward to a
/// working day of the engagement, so the copies keep the template's working-day offsets. A copy depends on the
/// shared tasks and the other people's copies its template says; shared tasks already planned do not wait for a
/// late joiner. A person holding a participant role attends the open tasks that name it.
/// A person leaving hands their open tasks to another member with the same role, or those tasks are skipped;
/// either way the activity log says so, task by task. Saving is the caller's.
/// </summary>
public static class PersonalTasks
{
    /// <summary>What <see cref="AddAsync"/> would create for a person with this email, name and role joining today.</summary>
    public static async Task<PersonalTaskPreview> PreviewAsync(OnboardingDbContext db, int engagementId, string name, string email, EngagementRole role, TimeProvider clock)
    {
        var context = await LoadAsync(db, engagementId);
        var normalised = AccountRules.NormaliseEmail(email);
        // Someone already known keeps their own name, so the preview names the copies as they will be named.
        var known = await db.People.Where(p => p.EmailKey == normalised).Select(p => p.Name).FirstOrDefaultAsync();
        return Plan(context, new PlanPerson(normalised, PersonalCopies.PersonKeyFor(normalised), known ?? name), role, null, clock);
    }

    /// <summary>
    /// Creates the person's copies and participations; <paramref name="member"/> is already added to the context
    /// (saved or not). Returns what was created, as <see cref="PreviewAsync"/> showed it.
    /// </summary>
    public static async Task<PersonalTaskPreview> AddAsync(OnboardingDbContext db, Member member, TimeProvider clock, string? actorUserId, string actorName)
    {
        var context = await LoadAsync(db, member.EngagementId);
        var preview = Plan(context, PlanWriter.PersonOf(member), member.Role, member, clock);
        var now = clock.GetUtcNow();
        var created = new Dictionary<string, PlanTask>();
        foreach (var planned in preview.Copies)
        {
            var task = PlanWriter.NewTask(planned, member);
            task.TemplateSnapshot = context.Snapshots.First(s => s.TemplateKey == planned.TemplateKey && s.InstanceKey == planned.InstanceKey);
            PlanWriter.AddParticipants(task, planned.ParticipantRoles, context.Engagement.Members);
            created[task.Key] = task;
            context.Engagement.Tasks.Add(task);
            if (planned.IsMilestone)
            {
                context.Engagement.Milestones.Add(new Milestone { Title = planned.Title, Date = planned.Due, Task = task });
            }
        }
        foreach (var planned in preview.Copies)
        {
            foreach (var key in planned.DependsOn)
            {
                var dependency = created.GetValueOrDefault(key) ?? context.Tasks.GetValueOrDefault(key);
                if (dependency is not null)
                {
                    created[planned.Key].DependsOn.Add(new TaskDependency { DependsOnTask = dependency });
                }
            }
        }
        foreach (var task in preview.Attends)
        {
            task.Participants.Add(new TaskParticipant { Member = member });
        }
        if (!preview.IsEmpty)
        {
            db.Activity.Add(ActivityEntry.New(member.EngagementId, now, actorUserId, actorName,
                $"Gave {member.Name} ({member.Role.InSentence()}) {Text.Words.Count(preview.Copies.Count, "task")} of their own, counted from {preview.CountedFrom:d MMM yyyy}" +
                (preview.Attends.Count > 0 ? $", and made them a participant of {Text.Words.Count(preview.Attends.Count, "task")}" : "")));
        }
        return preview;
    }

    public static async Task<PersonRemovalPreview?> PreviewRemovalAsync(OnboardingDbContext db, int engagementId, int memberId)
    {
        var member = await db.Members.FirstOrDefaultAsync(m => m.Id == memberId && m.EngagementId == engagementId);
        if (member is null)
        {
            return null;
        }
        var open = await db.PlanTasks
            .Where(t => t.EngagementId == engagementId && t.OwnerId == memberId && t.Status != PlanTaskStatus.Done && t.Status != PlanTaskStatus.Skipped)
            .OrderBy(t => t.Start).ThenBy(t => t.Id)
            .ToListAsync();
        var others = await db.Members
            .Where(m => m.EngagementId == engagementId && m.Role == member.Role && m.Id != memberId)
            .OrderBy(m => m.Name)
            .ToListAsync();
        return new PersonRemovalPreview(member, open, others);
    }

    /// <summary>
    /// Removes the member: their open tasks go to <paramref name="reassignTo"/> (a member with the same role) or, when
    /// that is null, are skipped; their participations end. Done tasks keep them as their owner in the log and lose the link.
    /// </summary>
    public static async Task<PersonRemovalResult> RemoveAsync(
        OnboardingDbContext db, int engagementId, int memberId, int? reassignTo, string? actorUserId, string actorName, DateTimeOffset now)
    {
        var preview = await PreviewRemovalAsync(db, engagementId, memberId);
        if (preview is null)
        {
            return new(PersonRemovalStatus.NotFound, "That person is not a stakeholder of this engagement.");
        }
        var member = preview.Member;
        if (member.Role == EngagementRole.AccountLeader && preview.CanTakeOver.Count == 0)
        {
            return new(PersonRemovalStatus.LastAccountLeader, $"{member.Name} is the only account leader: add another before removing them, so someone can still manage the engagement.");
        }
        Member? heir = null;
        if (reassignTo is { } heirId)
        {
            heir = preview.CanTakeOver.FirstOrDefault(m => m.Id == heirId);
            if (heir is null)
            {
                return new(PersonRemovalStatus.BadReassignment, $"Choose another {member.Role.InSentence()} of this engagement to take over {member.Name}'s tasks, or skip them.");
            }
        }

        void Record(string description, int? taskId = null) => db.Activity.Add(ActivityEntry.New(engagementId, now, actorUserId, actorName, description, taskId));
        foreach (var task in preview.OpenTasks)
        {
            task.ChangedNowBy(actorName, now);
            if (heir is not null)
            {
                task.Owner = heir;
                task.Participants.RemoveAll(p => p.MemberId == heir.Id);
                Record($"Reassigned “{task.Title}” from {member.Name} to {heir.Name}: {member.Name} left the engagement", task.Id);
            }
            else
            {
                task.Status = PlanTaskStatus.Skipped;
                task.BlockedReason = null;
                task.SkippedReason = TextLimits.Fit($"{member.Name} left the engagement", TextLimits.Reason);
                task.Owner = null;
                Record($"Skipped “{task.Title}”: {member.Name} left the engagement", task.Id);
            }
        }
        db.Members.Remove(member);
        var what = preview.OpenTasks.Count == 0
            ? "no open tasks"
            : heir is not null
                ? $"{Text.Words.Count(preview.OpenTasks.Count, "open task")} reassigned to {heir.Name}"
                : $"{Text.Words.Count(preview.OpenTasks.Count, "open task")} skipped";
        var message = $"Removed {member.Name} ({member.Role.InSentence()}): {what}";
        Record(message);
        return new(PersonRemovalStatus.Removed, message + ".");
    }

    private sealed record Context(
        Engagement Engagement, IReadOnlyList<TemplateSnapshot> Snapshots, IReadOnlyDictionary<string, PlanTask> Tasks, IReadOnlyList<(TemplateSnapshot Snapshot, PlanTemplate Template)> Templates);

    private static async Task<Context> LoadAsync(OnboardingDbContext db, int engagementId)
    {
        var engagement = await db.Engagements.Include(e => e.Members).FirstAsync(e => e.Id == engagementId);
        var snapshots = await db.TemplateSnapshots.Include(s => s.ForMember).Where(s => s.EngagementId == engagementId).OrderBy(s => s.Id).ToListAsync();
        var tasks = await db.PlanTasks.Include(t => t.Participants).Where(t => t.EngagementId == engagementId).ToDictionaryAsync(t => t.Key);
        // The plan runs on its snapshots: a template edited since never changes what a newcomer gets.
        var templates = snapshots
            .Select(s => (Snapshot: s, Template: TemplateParser.Parse($"{s.TemplateKey}.md", s.Content).Template))
            .Where(x => x.Template is not null)
            .Select(x => (x.Snapshot, x.Template!))
            .ToList();
        return new Context(engagement, snapshots, tasks, templates);
    }

    /// <param name="member">The member when already in the context; null for a preview before they are.</param>
    private static PersonalTaskPreview Plan(Context context, PlanPerson me, EngagementRole role, Member? member, TimeProvider clock)
    {
        var engagement = context.Engagement;
        var calendar = PlanWriter.Calendar(engagement);
        var day1 = calendar.RollForward(clock.TodayIn(engagement.TimeZone));
        var others = engagement.Members.Where(m => m != member && !m.Email.Equals(me.Reference, StringComparison.OrdinalIgnoreCase)).ToList();
        var firstByRole = PlanWriter.FirstByRole(others);
        firstByRole.TryAdd(role, me.Reference);

        var copies = new List<PlannedTask>();
        var attends = new List<PlanTask>();
        var applications = new List<TemplateApplication>();
        foreach (var (snapshot, template) in context.Templates)
        {
            if (template.PerPerson.Contains(role))
            {
                var people = PlanWriter.People(template, others).ToDictionary(p => p.Key, p => p.Value);
                people[role] = [.. people[role], me];
                var owners = snapshot.ForMember is { Role: EngagementRole.Recruiter } recruiter
                    ? new Dictionary<EngagementRole, string>(firstByRole) { [EngagementRole.Recruiter] = recruiter.Email }
                    : firstByRole;
                applications.Add(new TemplateApplication(template, snapshot.InstanceKey, owners) { People = people });
            }
            foreach (var task in template.Tasks.Where(t => t.Participants.Contains(role)))
            {
                var key = PlanKeys.For(template.Key, snapshot.InstanceKey, task.Key);
                attends.AddRange(context.Tasks.Values.Where(t =>
                    t.TemplateSnapshotId == snapshot.Id
                    && (t.Key == key || t.Key.StartsWith(key + PersonalCopies.KeySeparator, StringComparison.Ordinal))
                    && t.IsOpen
                    && (member is null || (t.Owner != member && t.Participants.All(p => p.Member != member)))));
            }
        }
        if (applications.Count > 0)
        {
            // One plan for all of them, as at launch: a step shared by several templates is one copy for the newcomer, keyed as it was then.
            var plan = PlanGenerator.Generate(day1, day1, calendar, applications);
            // A person who comes back keeps the copies they had; only the missing ones are new.
            copies.AddRange(plan.Tasks.Where(t => t.Person?.Key == me.Key && t.OwnerRole == role && !context.Tasks.ContainsKey(t.Key)));
        }
        return new PersonalTaskPreview(
            day1,
            copies.OrderBy(t => t.Start).ThenBy(t => t.Title, StringComparer.Ordinal).ToList(),
            attends.OrderBy(t => t.Start).ThenBy(t => t.Id).ToList());
    }

}
