using Onboarding.Core.Accounts;
using Onboarding.Core.Digests;
using Onboarding.Core.Engagements;
using Onboarding.Core.Plans;
using Onboarding.Core.Templates;
using Onboarding.Core.Time;

namespace Onboarding.Core.Documents.PlanPack;

/// <summary>
/// Everything the plan pack shows, in reading order, so the PDF and the HTML print view are
/// composed from the same data without a database. Built by <see cref="From"/> from an
/// engagement graph: loaded by <see cref="PackLoader"/>, or made in memory by tests and benchmarks.
/// </summary>
public sealed record PackModel(
    string EngagementName,
    string ClientName,
    string ProviderName,
    string BrandColour,
    DateOnly Kickoff,
    DateOnly GoLive,
    string TimeZone,
    string SharedPurpose,
    DateOnly Today,
    DateTimeOffset GeneratedAt,
    DigestCadence Cadence,
    IReadOnlyList<PackOutcome> Outcomes,
    IReadOnlyList<PackMember> Members,
    IReadOnlyList<PackTask> Tasks,
    IReadOnlyList<PackMilestone> Milestones,
    IReadOnlyList<PackTerm> Glossary,
    IReadOnlyList<PackMetric> Metrics,
    IReadOnlyList<PackWin> Wins)
{
    /// <summary>The engagement's working calendar: the digest cadence counts its working days.</summary>
    public BusinessCalendar Calendar { get; init; } = BusinessCalendar.MondayToFriday;

    /// <summary>The engagement's hiring locations with their market cards, in the order they were added.</summary>
    public IReadOnlyList<PackMarketCard> MarketCards { get; init; } = [];

    /// <summary>Engagement day of a date; kickoff is day 1.</summary>
    public int DayOf(DateOnly date) => Engagement.DayNumber(Kickoff, date);

    public PackMember? MemberByEmail(string email) =>
        Members.FirstOrDefault(m => AccountRules.NormaliseEmail(m.Email) == AccountRules.NormaliseEmail(email));

    public PackMember? MemberById(int id) => Members.FirstOrDefault(m => m.Id == id);

    public IReadOnlyList<PackTask> TasksOf(PackMember member) => [.. Tasks.Where(t => t.OwnerId == member.Id)];

    /// <summary>The pack addressed to the client (the pack itself, its printable page): the client's words throughout.</summary>
    public PackModel InClientWords() => InWords(ReaderWords.ForClientReader(Glossary.Select(g => new GlossaryEntry(g.ClientTerm, g.ProviderTerm, g.Definition))));

    /// <summary>A person's own plan, in their words: the client's for a client stakeholder, as written for provider staff.</summary>
    public PackModel InWordsOf(PackMember member) =>
        member.Role.IsClientRole() ? InClientWords() : this;

    private PackModel InWords(ReaderWords words) => this with
    {
        Tasks = [.. Tasks.Select(t => t with { Title = words.Text(t.Title), What = words.Markdown(t.What), Why = words.Markdown(t.Why) })],
        Milestones = [.. Milestones.Select(m => m with { Title = words.Text(m.Title) })],
        Wins = [.. Wins.Select(w => w with { Title = words.Text(w.Title), Body = words.Markdown(w.Body) })],
    };

    /// <summary>
    /// The pack of <paramref name="engagement"/> as of <paramref name="now"/>. Needs the engagement's
    /// client, provider, outcomes, members with their people, tasks, milestones, glossary, metrics with measurements,
    /// wins and shared template snapshots loaded; a task's owner is its <see cref="PlanTask.Owner"/>
    /// when set, else the member with its <see cref="PlanTask.OwnerId"/>.
    /// </summary>
    public static PackModel From(Engagement engagement, DateTimeOffset now)
    {
        var members = engagement.Members
            // Provider roles first (the enum's order), then by name.
            .OrderBy(m => m.Role).ThenBy(m => m.Name, StringComparer.InvariantCulture)
            .Select(m => m.Person is { } person
                ? new PackMember(m.Id, m.Name, m.Email, m.Role, m.Title, person.TimeZone, person.DigestHour, m.DigestPreference)
                : throw Missing($"{nameof(Engagement.Members)}' {nameof(Member.Person)}"))
            .ToList();
        var membersById = members.ToDictionary(m => m.Id);
        PackMember? OwnerOf(PlanTask task) =>
            membersById.GetValueOrDefault(task.Owner?.Id ?? task.OwnerId ?? int.MinValue);

        return new PackModel(
            engagement.Name,
            engagement.Client?.Name ?? throw Missing(nameof(Engagement.Client)),
            engagement.Provider?.Name ?? throw Missing(nameof(Engagement.Provider)),
            engagement.Provider.BrandColour,
            engagement.Kickoff,
            engagement.GoLive,
            engagement.TimeZone,
            engagement.SharedPurpose,
            Zones.DateIn(now, engagement.TimeZone),
            now,
            CadenceOf(engagement.Templates),
            [.. engagement.Outcomes.OrderBy(o => o.Position).ThenBy(o => o.Id).Select(o => new PackOutcome(o.Title, o.HowMeasured))],
            members,
            [
                .. engagement.Tasks
                    .OrderBy(t => t.Start).ThenBy(t => t.Due).ThenBy(t => t.Id)
                    .Select(t =>
                    {
                        var owner = OwnerOf(t);
                        return new PackTask(t.Title, t.PhaseKey, t.PhaseTitle, t.Start, t.Due, owner?.Id, owner?.Name, t.OwnerRole, t.Status, t.BlockedReason, t.What, t.Why, t.IsMilestone);
                    }),
            ],
            [.. engagement.Milestones.OrderBy(m => m.Date).ThenBy(m => m.Id).Select(m => new PackMilestone(m.Title, m.Date, m.ReachedAt is not null))],
            [.. engagement.Glossary.OrderBy(g => g.ClientTerm, StringComparer.InvariantCultureIgnoreCase).Select(g => new PackTerm(g.ClientTerm, g.ProviderTerm, g.Definition, g.Agreed))],
            [
                .. engagement.Metrics.OrderBy(m => m.Id).Select(m => new PackMetric(
                    m.Name, m.Unit, m.Direction, m.Baseline, m.Target, m.HowMeasured,
                    m.Latest is { } latest
                        ? new PackMeasurement(latest.MeasuredOn, latest.Value)
                        : null)),
            ],
            [
                .. engagement.Wins.OrderBy(w => w.CreatedAt).ThenBy(w => w.Id)
                    .Select(w => new PackWin(w.Kind, w.Title, w.Body, Zones.DateIn(w.CreatedAt, engagement.TimeZone))),
            ])
        { Calendar = PlanWriter.Calendar(engagement) };
    }

    /// <summary>
    /// Digests follow the cadence of the account leader's template the plan was launched from
    /// (its snapshot, so a later template edit does not change it); the default when there is none.
    /// </summary>
    private static DigestCadence CadenceOf(IEnumerable<TemplateSnapshot> snapshots) =>
        DigestCadence.ForEngagement(snapshots
            .Where(s => s.ForMemberId is null && s.ForMember is null)
            .OrderBy(s => s.Id)
            .Select(s => TemplateParser.Parse($"snapshot of {s.TemplateKey}", s.Content).Template));

    private static InvalidOperationException Missing(string navigation) =>
        new($"the engagement's {navigation} must be loaded to compose its plan pack");
}

public sealed record PackOutcome(string Title, string HowMeasured);

public sealed record PackMember(
    int Id,
    string Name,
    string Email,
    EngagementRole Role,
    string Title,
    string TimeZone,
    int DigestHour,
    DigestPreference DigestPreference);

/// <summary>A plan task; <see cref="OwnerId"/> and <see cref="OwnerName"/> are null when nobody holds the owner role.</summary>
public sealed record PackTask(
    string Title,
    string PhaseKey,
    string PhaseTitle,
    DateOnly Start,
    DateOnly Due,
    int? OwnerId,
    string? OwnerName,
    EngagementRole OwnerRole,
    PlanTaskStatus Status,
    string? BlockedReason,
    string What,
    string Why,
    bool IsMilestone);

public sealed record PackMilestone(string Title, DateOnly Date, bool Reached);

public sealed record PackTerm(string ClientTerm, string ProviderTerm, string Definition, bool Agreed);

public sealed record PackMetric(
    string Name,
    string Unit,
    MetricDirection Direction,
    decimal? Baseline,
    decimal? Target,
    string HowMeasured,
    PackMeasurement? Latest);

public sealed record PackMeasurement(DateOnly MeasuredOn, decimal Value);

public sealed record PackWin(WinKind Kind, string Title, string Body, DateOnly On);
