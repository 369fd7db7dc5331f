using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Onboarding.Core.Accounts;
using Onboarding.Core.Data;
using Onboarding.Core.Digests;
using Onboarding.Core.Engagements;
using Onboarding.Core.Governance;
using Onboarding.Core.Locations;
using Onboarding.Core.Plans;

namespace Onboarding.Jobs.Digests;

/// <summary>
/// One person as the digests see them: when theirs is due, who they are in each engagement, and
/// the token their unsubscribe link carries.
/// </summary>
/// <remarks>
/// A person (<see cref="Core.People.Person"/>) across every open engagement they belong to: their zone, working
/// days and hour are theirs; each engagement keeps its own preference. The outbox knows them by their normalised address.
/// </remarks>
public sealed record DigestAudience(DigestRecipientSchedule Schedule, DigestRecipient Recipient, string UnsubscribeToken)
{
    public string Key => Schedule.Recipient;
}

public sealed record PreviousDigest(string Recipient, DateOnly Period, DateTimeOffset ComposedAt);

/// <summary>
/// Reads the database into the composer's plain inputs. Everything is loaded per batch, a fixed
/// number of queries however many people or engagements the batch holds.
/// </summary>
public sealed class DigestLoader(OnboardingDbContext db, TemplateCadences cadences, IOptions<MarketCardOptions> marketCards)
{
    /// <summary>The outbox key for an address: one person however their address is capitalised.</summary>
    public static string RecipientKey(string email) => AccountRules.NormaliseEmail(email);

    /// <summary>Everyone with a membership of an open engagement, or only <paramref name="email"/>; not a person an administrator locked out.</summary>
    public async Task<IReadOnlyList<DigestAudience>> AudienceAsync(string? email, CancellationToken cancellationToken)
    {
        var members = db.Members.AsNoTracking().Where(m => m.Engagement!.Status != EngagementStatus.Closed
            && (m.Person!.User == null || m.Person.User.LockoutEnd != AccountRules.LockedByAdministrator));
        if (email is not null)
        {
            var key = RecipientKey(email);
            members = members.Where(m => m.Person!.EmailKey == key);
        }
        var rows = await members
            .OrderBy(m => m.Id)
            .Select(m => new
            {
                m.Id,
                m.EngagementId,
                m.PersonId,
                m.Person!.Name,
                m.Person.Email,
                m.Person.EmailKey,
                m.Role,
                m.Person.TimeZone,
                m.Person.WorkingDays,
                m.Person.DigestHour,
                m.DigestPreference,
                m.UnsubscribeToken,
                m.Engagement!.Kickoff,
                EngagementWorkingDays = m.Engagement.WorkingDays,
                m.Engagement.Holidays,
            })
            .ToListAsync(cancellationToken);
        var cadenceOf = await cadences.ForEngagementsAsync(db, rows.Select(r => r.EngagementId).Distinct().ToList(), cancellationToken);
        // One calendar per engagement, shared by its members' subscriptions.
        var calendarOf = rows.GroupBy(r => r.EngagementId).ToDictionary(g => g.Key, g => new BusinessCalendar(g.First().EngagementWorkingDays.ToSet(), g.First().Holidays));

        return rows
            .GroupBy(r => r.PersonId)
            .Select(person =>
            {
                var first = person.First();
                var schedule = new DigestRecipientSchedule(
                    first.EmailKey,
                    first.TimeZone,
                    first.DigestHour,
                    first.WorkingDays.ToSet(),
                    person.Select(m => new DigestSubscription(
                        m.EngagementId, m.Kickoff, cadenceOf[m.EngagementId], Closed: false, m.DigestPreference, calendarOf[m.EngagementId], m.Role.IsClientRole())).ToList());
                var recipient = new DigestRecipient(
                    first.Name,
                    first.Email.Trim(),
                    person.Select(m => new DigestMembership(m.EngagementId, m.Id, m.Role)).ToList());
                return new DigestAudience(schedule, recipient, first.UnsubscribeToken);
            })
            .ToList();
    }

    /// <summary>
    /// The recipients' digests from <paramref name="from"/> on, with when each was composed: where
    /// "since your last digest" starts. Failed digests never reached the reader, so their news is still news.
    /// </summary>
    public async Task<IReadOnlyList<PreviousDigest>> PreviousDigestsAsync(
        IReadOnlyCollection<string> recipients, DateOnly from, CancellationToken cancellationToken) =>
        await db.Digests.AsNoTracking()
            .Where(d => recipients.Contains(d.Recipient) && d.Period >= from && d.Status != DigestStatus.Failed)
            .Select(d => new PreviousDigest(d.Recipient, d.Period, d.CreatedAt))
            .ToListAsync(cancellationToken);

    /// <summary>
    /// The state of <paramref name="engagementIds"/> at <paramref name="until"/>, with completed work
    /// and kudos from after <paramref name="since"/> (the earliest window any recipient of the batch needs).
    /// </summary>
    public async Task<IReadOnlyDictionary<int, DigestEngagement>> EngagementsAsync(
        IReadOnlyCollection<int> engagementIds, DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var engagements = await db.Engagements.AsNoTracking()
            .Where(e => engagementIds.Contains(e.Id))
            .Select(e => new { e.Id, e.Name, Client = e.Client!.Name, Provider = e.Provider!.Name, e.Provider.BrandColour, e.Kickoff, e.GoLive })
            .ToListAsync(cancellationToken);

        var milestones = await db.Milestones.AsNoTracking()
            .Where(m => engagementIds.Contains(m.EngagementId) && (m.ReachedAt == null || m.ReachedAt > since))
            .Select(m => new { m.EngagementId, m.Id, m.Title, m.Date, m.ReachedAt, m.TaskId })
            .ToListAsync(cancellationToken);
        var milestoneOfTask = milestones.Where(m => m.TaskId is not null).GroupBy(m => m.TaskId!.Value).ToDictionary(g => g.Key, g => g.First().Title);

        var tasks = await db.PlanTasks.AsNoTracking()
            .Where(t => engagementIds.Contains(t.EngagementId)
                && ((t.Status != PlanTaskStatus.Done && t.Status != PlanTaskStatus.Skipped) || (t.Status == PlanTaskStatus.Done && t.CompletedAt > since)))
            .Select(t => new
            {
                t.EngagementId,
                t.Id,
                t.Title,
                t.OwnerId,
                OwnerName = t.Owner != null ? t.Owner.Name : null,
                Participants = t.Participants.Select(p => p.MemberId).ToList(),
                ChecklistDone = t.Checklist.Count(c => c.Done),
                ChecklistTotal = t.Checklist.Count,
                t.Status,
                t.Start,
                t.Due,
                t.CompletedAt,
                t.What,
                t.Why,
                t.BlockedReason,
                t.OwnerRole,
            })
            .ToListAsync(cancellationToken);

        var glossary = await db.GlossaryTerms.AsNoTracking()
            .Where(g => engagementIds.Contains(g.EngagementId))
            .Select(g => new { g.EngagementId, g.Id, g.ClientTerm, g.ProviderTerm, g.Definition })
            .ToListAsync(cancellationToken);

        var metrics = await db.Metrics.AsNoTracking()
            .Where(m => engagementIds.Contains(m.EngagementId))
            .Select(m => new
            {
                m.EngagementId,
                m.Id,
                m.Name,
                m.Unit,
                m.Baseline,
                m.Target,
                m.Direction,
                // When a value became known is when it is news, whatever date it was measured on.
                Values = m.Measurements.Where(v => v.RecordedAt <= until).Select(v => new { v.RecordedAt, v.Value }).ToList(),
            })
            .ToListAsync(cancellationToken);

        var kudos = await db.Wins.AsNoTracking()
            .Where(w => engagementIds.Contains(w.EngagementId) && w.Kind == WinKind.Kudos && w.CreatedAt > since && w.CreatedAt <= until)
            .Select(w => new { w.EngagementId, w.CreatedAt, w.AuthorName, w.Title, w.Body })
            .ToListAsync(cancellationToken);

        var pairsOf = (await db.RecruiterAssignments.AsNoTracking().Where(a => engagementIds.Contains(a.EngagementId)).Pairs().ToListAsync(cancellationToken))
            .ToLookup(p => p.EngagementId);

        var reassignments = await db.TaskReassignments.AsNoTracking()
            .Where(r => engagementIds.Contains(r.EngagementId) && r.At > since && r.At <= until)
            .Select(r => new { r.EngagementId, Item = new DigestReassignment(r.TaskId, r.Task!.Title, r.FromMemberId, r.ToMemberId, r.ToMember!.Name, r.At) })
            .ToListAsync(cancellationToken);
        var reassignmentsOf = reassignments.ToLookup(r => r.EngagementId, r => r.Item);

        var checkInsOf = (await db.CheckInMeetings.AsNoTracking()
                .Where(m => engagementIds.Contains(m.EngagementId) && m.RecordedAt > since && m.RecordedAt <= until)
                .Select(m => new
                {
                    m.EngagementId,
                    m.SeriesId,
                    m.Series!.Title,
                    m.Date,
                    m.RecordedAt,
                    Participants = m.Series.Participants.Select(p => p.MemberId).ToList(),
                    Decisions = m.Decisions.OrderBy(d => d.LogEntryId).Select(d => d.LogEntry!.Resolution).ToList(),
                    Actions = m.Actions.Select(a => new DigestCheckInAction(a.TaskId, a.Task!.Title, a.Task.OwnerId, a.Task.Owner != null ? a.Task.Owner.Name : null, a.Task.Due)).ToList(),
                })
                .ToListAsync(cancellationToken))
            .ToLookup(m => m.EngagementId, m => new DigestCheckIn(m.SeriesId, m.Title, m.Date, m.RecordedAt, m.Participants, m.Decisions, m.Actions));

        var peopleOf = (await db.Members.AsNoTracking()
                .Where(m => engagementIds.Contains(m.EngagementId))
                .Select(m => new { m.EngagementId, Person = new DigestPerson(m.Id, m.Person!.Name, m.Role) })
                .ToListAsync(cancellationToken))
            .ToLookup(m => m.EngagementId, m => m.Person);

        var escalations = (await db.LogEntrySteps.AsNoTracking()
                .Where(s => s.Kind == LogStepKind.Escalated && s.ToldAt == null && s.ToMemberId != null)
                .Join(db.LogEntries.Where(e => engagementIds.Contains(e.EngagementId) && e.Status == LogEntryStatus.Open), s => s.LogEntryId, e => e.Id,
                    (s, e) => new { e.EngagementId, s.Id, EntryId = e.Id, e.Title, e.Severity, ToMemberId = s.ToMemberId!.Value, s.Text })
                .ToListAsync(cancellationToken))
            .ToLookup(x => x.EngagementId, x => new DigestEscalation(x.Id, x.EntryId, x.Title, x.Severity.ToString(), x.ToMemberId, x.Text));

        var responses = (await db.Pulses.AsNoTracking()
                .Where(p => engagementIds.Contains(p.EngagementId) && p.RespondedAt != null && p.ResponseToldAt == null && p.Score != null)
                .Select(p => new { p.EngagementId, Item = new DigestPulseResponse(p.Id, p.MemberId, p.OccasionText, p.Score!.Value, p.Comment, p.Response) })
                .ToListAsync(cancellationToken))
            .ToLookup(x => x.EngagementId, x => x.Item);

        var reviewAfter = marketCards.Value.ReviewAfter;
        // Every location counts: one with no card at all is the leader's to fill in.
        var reviews = await db.MarketCards.AsNoTracking()
            .Where(c => engagementIds.Contains(c.Location!.EngagementId))
            .Select(c => new { c.LocationId, c.ChangedBy, c.ChangedAt })
            .ToDictionaryAsync(c => c.LocationId, cancellationToken);
        var cards = (await db.HiringLocations.AsNoTracking()
                .Where(l => engagementIds.Contains(l.EngagementId))
                .ToListAsync(cancellationToken))
            .ToLookup(l => l.EngagementId, l => reviews.GetValueOrDefault(l.Id) is { } card
                ? new DigestMarketCard(l.Id, l.DisplayName, l.CreatedAt, true, card.ChangedBy, card.ChangedAt, reviewAfter)
                : new DigestMarketCard(l.Id, l.DisplayName, l.CreatedAt, false, null, null, reviewAfter));

        var tasksOf = tasks.ToLookup(t => t.EngagementId);
        var milestonesOf = milestones.ToLookup(m => m.EngagementId);
        var glossaryOf = glossary.ToLookup(g => g.EngagementId);
        var metricsOf = metrics.ToLookup(m => m.EngagementId);
        var kudosOf = kudos.ToLookup(k => k.EngagementId);
        return engagements.ToDictionary(e => e.Id, e => new DigestEngagement(
            e.Id,
            e.Name,
            e.Client,
            e.Provider,
            e.BrandColour,
            e.Kickoff,
            e.GoLive,
            tasksOf[e.Id]
                .Select(t => new DigestTask(
                    t.Id,
                    t.Title,
                    t.OwnerId,
                    t.OwnerName,
                    StatusOf(t.Status),
                    t.Start,
                    t.Due,
                    t.Status == PlanTaskStatus.Done ? t.CompletedAt : null,
                    t.What,
                    t.Why,
                    t.BlockedReason,
                    milestoneOfTask.GetValueOrDefault(t.Id),
                    t.OwnerRole,
                    t.Participants)
                { Checklist = (t.ChecklistDone, t.ChecklistTotal) })
                .ToList(),
            milestonesOf[e.Id].Select(m => new DigestMilestone(m.Id, m.Title, m.Date, m.ReachedAt, m.TaskId)).ToList(),
            glossaryOf[e.Id]
                .Select(g => new DigestGlossaryTerm(g.Id, g.ClientTerm, string.IsNullOrWhiteSpace(g.ProviderTerm) ? null : g.ProviderTerm, g.Definition))
                .ToList(),
            metricsOf[e.Id]
                .Select(m => new DigestMetric(m.Id, m.Name, m.Unit, m.Baseline, m.Target, m.Direction == MetricDirection.HigherIsBetter,
                    m.Values.Select(v => new DigestMeasurement(v.RecordedAt, v.Value)).ToList()))
                .ToList(),
            kudosOf[e.Id].Select(k => new DigestKudos(k.CreatedAt, k.AuthorName, k.Title, k.Body)).ToList(),
            pairsOf[e.Id].ToList(),
            reassignmentsOf[e.Id].ToList(),
            peopleOf[e.Id].ToList())
        {
            Escalations = escalations[e.Id].ToList(),
            CheckIns = checkInsOf[e.Id].ToList(),
            PulseResponses = responses[e.Id].ToList(),
            MarketCards = cards[e.Id].ToList(),
        });
    }

    // Skipped work is neither open nor a win: "done" without a completion time is exactly that to the composer.
    private static DigestTaskStatus StatusOf(PlanTaskStatus status) => status switch
    {
        PlanTaskStatus.ToDo => DigestTaskStatus.NotStarted,
        PlanTaskStatus.InProgress => DigestTaskStatus.InProgress,
        PlanTaskStatus.Blocked => DigestTaskStatus.Blocked,
        PlanTaskStatus.Done or PlanTaskStatus.Skipped => DigestTaskStatus.Done,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}
