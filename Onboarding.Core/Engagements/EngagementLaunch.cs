using Onboarding.Core.Accounts;
using Onboarding.Core.Governance;
using Onboarding.Core.Locations;
using Onboarding.Core.People;
using Onboarding.Core.Plans;
using PlanTemplate = Onboarding.Core.Templates.PlanTemplate;

namespace Onboarding.Core.Engagements;

/// <param name="TimeZone">For someone new to the product; a person already known keeps their own.</param>
/// <param name="Location">Index into <see cref="LaunchRequest.Locations"/> of where they hire or work, if given.</param>
public sealed record LaunchContact(string Name, string Email, EngagementRole Role, string Title, string TimeZone, int? Location = null);

public sealed record LaunchOutcome(string Title, string HowMeasured);

/// <summary>Everything the launch form gathers, already validated field by field.</summary>
public sealed record LaunchRequest(
    string Name,
    DateOnly Kickoff,
    DateOnly GoLive,
    string TimeZone,
    WorkingDays WorkingDays,
    IReadOnlyList<DateOnly> Holidays,
    string SharedPurpose,
    IReadOnlyList<LaunchOutcome> Outcomes,
    IReadOnlyList<LaunchContact> Contacts,
    IReadOnlyList<PlanTemplate> Templates,
    IReadOnlyList<LocationDetails> Locations);

public sealed record PreparedLaunch(Engagement Engagement, IReadOnlyList<TemplateApplication> Applications, GeneratedPlan Plan)
{
    /// <summary>Roles the templates need that no contact has: the form asks for them before anything is saved.</summary>
    public IReadOnlyList<EngagementRole> MissingRoles => Plan.UnresolvedOwners.Select(u => u.Role).Distinct().Order().ToList();
}

/// <summary>Builds a new engagement and its plan in memory, so it can be previewed before it is saved.</summary>
public static class EngagementLaunch
{
    /// <param name="known">People already in the product, by normalised address (<see cref="PersonDirectory.FindAsync"/>): they keep their own clock.</param>
    public static PreparedLaunch Prepare(LaunchRequest request, int providerId, Organisation client, IReadOnlyDictionary<string, Person> known, DateTimeOffset now)
    {
        var engagement = new Engagement
        {
            Name = request.Name,
            ProviderId = providerId,
            Client = client,
            Kickoff = request.Kickoff,
            GoLive = request.GoLive,
            TimeZone = request.TimeZone,
            WorkingDays = request.WorkingDays,
            Holidays = request.Holidays.Distinct().Order().ToList(),
            SharedPurpose = request.SharedPurpose,
            CreatedAt = now,
            Escalation = EscalationLadder.Rungs(0, EscalationLadder.FromTemplates(request.Templates)),
            EscalateAfterWorkingDays = request.Templates.Select(t => t.EscalateAfterWorkingDays).FirstOrDefault(d => d is not null) ?? EscalationLadder.DefaultWorkingDays,
            Locations = request.Locations.Select(l => l.ToLocation(now)).ToList(),
            Outcomes = request.Outcomes.Select((o, i) => new BusinessOutcome { Title = o.Title, HowMeasured = o.HowMeasured, Position = i }).ToList(),
            // Earlier rows win when two people share a role, as the form lists them.
            Members = request.Contacts.Select((c, i) => PersonDirectory.Membership(
                known.GetValueOrDefault(AccountRules.NormaliseEmail(c.Email)) ?? PersonDirectory.NewPerson(c.Name, c.Email, c.TimeZone, request.WorkingDays, now),
                c.Role, c.Title, now.AddTicks(i))).ToList(),
        };
        foreach (var location in engagement.Locations)
        {
            Locations.Holidays.HolidayCatalog.Prefill(location, request.Kickoff);
        }
        foreach (var (contact, member) in request.Contacts.Zip(engagement.Members).Where(p => p.First.Location is not null))
        {
            member.Locations.Add(engagement.Locations[contact.Location!.Value]);
        }
        Governance.CheckIns.CheckInDefaults.Add(engagement, now);
        var applications = PlanWriter.Applications(request.Templates, engagement.Members);
        return new PreparedLaunch(engagement, applications, PlanWriter.Generate(engagement, applications));
    }
}
