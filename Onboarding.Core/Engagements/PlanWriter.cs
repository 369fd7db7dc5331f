using System.Text.RegularExpressions;
using Onboarding.Core.Accounts;
using Onboarding.Core.Locations.Holidays;
using Onboarding.Core.Plans;
using Onboarding.Core.Templates;

namespace Onboarding.Core.Engagements;

/// <summary>
/// Applies templates to an engagement: chooses owners from its members, generates the dated
/// plan and adds it (tasks, dependencies, checklists, milestones, starter glossary, metrics, template
/// snapshots) to the engagement's entities. Saving is the caller's.
/// </summary>
public static partial class PlanWriter
{
    /// <summary>
    /// Shared templates once; recruiter templates once per recruiter, owned by that recruiter. A role held once goes to its
    /// first member; the template's per-person roles give every member holding them their own copy of the role's tasks.
    /// </summary>
    public static IReadOnlyList<TemplateApplication> Applications(IEnumerable<PlanTemplate> templates, IReadOnlyList<Member> members)
    {
        var firstByRole = FirstByRole(members);
        var applications = new List<TemplateApplication>();
        foreach (var template in templates)
        {
            if (template.Audience != TemplateAudience.Recruiter)
            {
                applications.Add(new TemplateApplication(template, "", firstByRole) { People = People(template, members) });
                continue;
            }
            foreach (var recruiter in members.Where(m => m.Role == EngagementRole.Recruiter))
            {
                applications.Add(ForRecruiter(template, recruiter, firstByRole) with { People = People(template, members) });
            }
        }
        return applications;
    }

    /// <summary>The member each one-seat role goes to: the first added.</summary>
    public static Dictionary<EngagementRole, string> FirstByRole(IEnumerable<Member> members) => members
        .OrderBy(m => m.CreatedAt).ThenBy(m => m.Id)
        .GroupBy(m => m.Role)
        .ToDictionary(g => g.Key, g => g.First().Email);

    /// <summary>The holders of each of the template's per-person roles, in the order they were added.</summary>
    public static IReadOnlyDictionary<EngagementRole, IReadOnlyList<PlanPerson>> People(PlanTemplate template, IEnumerable<Member> members) =>
        template.PerPerson.ToDictionary(
            role => role,
            role => (IReadOnlyList<PlanPerson>)members.Where(m => m.Role == role).OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).Select(PersonOf).ToList());

    public static PlanPerson PersonOf(Member member) => new(member.Email, PersonalCopies.PersonKeyFor(member.Email), member.Name);

    public static TemplateApplication ForRecruiter(PlanTemplate template, Member recruiter, IReadOnlyDictionary<EngagementRole, string> firstByRole) =>
        new(template, InstanceKeyFor(recruiter.Email), new Dictionary<EngagementRole, string>(firstByRole) { [EngagementRole.Recruiter] = recruiter.Email });

    public static string InstanceKeyFor(string email) => NotKeyCharacters().Replace(AccountRules.NormaliseEmail(email), "-");

    /// <summary>The plan on the engagement's calendar, then each task on its people's locations (members' locations and holidays loaded).</summary>
    public static GeneratedPlan Generate(Engagement engagement, IReadOnlyList<TemplateApplication> applications)
    {
        var calendar = Calendar(engagement);
        var plan = PlanGenerator.Generate(engagement.Kickoff, engagement.GoLive, calendar, applications);
        return engagement.Members.Any(m => m.Locations.Count > 0)
            ? OnLocations(plan, engagement.Members, new LocationCalendars(calendar), calendar)
            : plan;
    }

    /// <summary>Moves the tasks of a plan generated on <paramref name="calendar"/> onto their owners' and participants' location calendars.</summary>
    public static GeneratedPlan OnLocations(GeneratedPlan plan, IReadOnlyList<Member> members, LocationCalendars calendars, BusinessCalendar calendar)
    {
        var byEmail = members.GroupBy(m => m.Email, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        var byRole = members.ToLookup(m => m.Role);
        var tasks = plan.Tasks;
        var moved = TaskCalendars.Recalendar(
            tasks.Select(t => t.ToState()).ToList(),
            _ => calendar,
            i => tasks[i].OwnerReference is { } owner
                ? calendars.For(byEmail.GetValueOrDefault(owner), tasks[i].ParticipantRoles.SelectMany(r => byRole[r]))
                : new TaskCalendar(calendar));
        return plan with
        {
            Tasks = tasks.Zip(moved, (t, s) => s.Start == t.Start && s.Due == t.Due && s.Warning == t.Warning ? t : t with { Start = s.Start, Due = s.Due, Warning = s.Warning })
                .OrderBy(t => t.Start).ToList(),
        };
    }

    public static BusinessCalendar Calendar(Engagement engagement) =>
        new(engagement.WorkingDays.ToSet(), engagement.Holidays);

    /// <summary>Adds a generated plan to an engagement whose members are loaded; owners are matched by email.</summary>
    public static void Add(Engagement engagement, GeneratedPlan plan, IReadOnlyList<TemplateApplication> applications, DateTimeOffset now)
    {
        if (plan.UnresolvedOwners.Count > 0)
        {
            var roles = string.Join(", ", plan.UnresolvedOwners.Select(u => u.Role.DisplayName()).Distinct());
            throw new InvalidOperationException($"Nobody in the engagement has the role(s) the templates need: {roles}.");
        }

        var membersByEmail = engagement.Members.ToDictionary(m => m.Email, StringComparer.OrdinalIgnoreCase);
        var snapshots = new Dictionary<(string, string), TemplateSnapshot>();
        foreach (var application in applications)
        {
            var template = application.Template;
            var snapshot = new TemplateSnapshot
            {
                TemplateKey = template.Key,
                InstanceKey = application.InstanceKey,
                Title = template.Title,
                Version = template.Version,
                Content = template.SourceText,
                AppliedAt = now,
                ForMember = template.Audience == TemplateAudience.Recruiter ? membersByEmail[application.Owners[EngagementRole.Recruiter]] : null,
            };
            snapshots[(template.Key, application.InstanceKey)] = snapshot;
            engagement.Templates.Add(snapshot);
            // One entry per client word (StarterGlossary): the engagement's own, else the first template's.
            foreach (var term in StarterGlossary.NewTerms(engagement.Glossary, template.Glossary))
            {
                engagement.Glossary.Add(new GlossaryTerm { ClientTerm = term.ClientTerm, ProviderTerm = term.ProviderTerm, Definition = term.Definition, UpdatedAt = now });
            }
        }

        // The templates' metrics and service levels, once per name; the engagement's metrics must be loaded.
        TemplateMetrics.Add(engagement, applications.Select(a => a.Template));

        var tasksByKey = new Dictionary<string, PlanTask>();
        foreach (var planned in plan.Tasks)
        {
            var task = NewTask(planned, membersByEmail[planned.OwnerReference!]);
            task.TemplateSnapshot = snapshots[(planned.TemplateKey, planned.InstanceKey)];
            AddParticipants(task, planned.ParticipantRoles, engagement.Members);
            tasksByKey[planned.Key] = task;
            engagement.Tasks.Add(task);
            if (planned.IsMilestone)
            {
                engagement.Milestones.Add(new Milestone { Title = planned.Title, Date = planned.Due, Task = task });
            }
        }
        foreach (var planned in plan.Tasks)
        {
            foreach (var dependency in planned.DependsOn)
            {
                tasksByKey[planned.Key].DependsOn.Add(new TaskDependency { DependsOnTask = tasksByKey[dependency] });
            }
        }
    }

    /// <summary>Every member holding one of <paramref name="roles"/> attends the task, except its owner, who owns it.</summary>
    public static void AddParticipants(PlanTask task, IReadOnlyCollection<EngagementRole> roles, IEnumerable<Member> members)
    {
        if (roles.Count == 0)
        {
            return;
        }
        foreach (var member in members.Where(m => roles.Contains(m.Role) && m != task.Owner && !task.Participants.Any(p => p.Member == m || (m.Id != 0 && p.MemberId == m.Id))))
        {
            task.Participants.Add(new TaskParticipant { Member = member, MemberId = member.Id });
        }
    }

    /// <summary>A generated task as an entity, without its snapshot, dependencies, participants or milestone (the caller's).</summary>
    public static PlanTask NewTask(PlannedTask planned, Member owner) => new()
    {
        Key = planned.Key,
        Title = planned.Title,
        PhaseKey = planned.PhaseKey,
        PhaseTitle = planned.PhaseTitle,
        Start = planned.Start,
        Due = planned.Due,
        OwnerRole = planned.OwnerRole,
        Owner = owner,
        PersonKey = planned.Person?.Key,
        PersonName = planned.Person?.Name,
        What = planned.What,
        Why = planned.Why,
        IsMilestone = planned.IsMilestone,
        Warning = planned.Warning,
        Checklist = planned.Checklist.Select((text, i) => new ChecklistItem { Text = text, Position = i }).ToList(),
    };

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NotKeyCharacters();
}
