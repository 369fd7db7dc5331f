using Onboarding.Core.Digests;
using Onboarding.Core.Engagements;

namespace Onboarding.Jobs.Digests;

/// <summary>
/// A digest as a person would get it on a date, from today's data. <see cref="Rendered"/> is null
/// when they would get nothing, and <see cref="Reason"/> says why. <see cref="LeftOut"/> counts
/// sections of engagements the viewer may not see, which the preview leaves out. Its unsubscribe link is a
/// placeholder: the real one carries the recipient's token.
/// </summary>
public sealed record DigestPreview(string Name, string Email, DateOnly Date, DateTimeOffset? DueAt, RenderedDigest? Rendered, string? Reason, int LeftOut);

public sealed class DigestPreviews(DigestLoader loader, DigestComposition composition)
{
    /// <summary>Null when <paramref name="email"/> belongs to no open engagement.</summary>
    /// <param name="mayShow">The engagements whose sections the viewer may see.</param>
    public async Task<DigestPreview?> ForAsync(string email, DateOnly date, Func<int, bool> mayShow, CancellationToken cancellationToken)
    {
        var person = (await loader.AudienceAsync(email, cancellationToken)).SingleOrDefault();
        if (person is null)
        {
            return null;
        }
        var name = person.Recipient.Name;
        PlannedDigest? planned;
        try
        {
            planned = DigestSchedule.ForDate(person.Schedule, date);
        }
        catch (ArgumentException e)
        {
            return new DigestPreview(name, person.Recipient.Email, date, null, null, e.Message, 0);
        }
        if (planned is null)
        {
            return new DigestPreview(name, person.Recipient.Email, date, null, null, NoDigestReason(person.Schedule, date, name), 0);
        }

        var leftOut = planned.Engagements.Count(e => !mayShow(e.EngagementId));
        var composed = (await composition.ComposeAsync([new DueDigest(person, planned, planned.DueAt)], mayShow, cancellationToken)).Single();
        return composed.Model is null
            ? new DigestPreview(name, person.Recipient.Email, date, planned.DueAt, null, $"{name} would get nothing that day: there is nothing to say.", leftOut)
            : new DigestPreview(name, person.Recipient.Email, date, planned.DueAt, DigestRenderer.Render(ShownToViewer(composed.Model)), null, leftOut);
    }

    /// <summary>The viewer is someone else: the recipient's unsubscribe token must not reach them.</summary>
    private DigestModel ShownToViewer(DigestModel digest) => digest with { UnsubscribeUrl = composition.Links.UnsubscribePlaceholder() };

    private static string NoDigestReason(DigestRecipientSchedule schedule, DateOnly date, string name)
    {
        var day = date.ToString("dddd d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture);
        if (!schedule.WorkingDays.Contains(date.DayOfWeek))
        {
            return $"No digest on {day}: it is not one of {name}'s working days.";
        }
        if (schedule.Subscriptions.All(s => s.Preference == DigestPreference.None))
        {
            return $"No digest on {day}: {name} has turned digests off.";
        }
        return $"No digest on {day}: it is not a digest day in the engagement's cadence for {name}'s settings " +
            $"(before kickoff only client stakeholders get a getting-ready digest, {DigestDepth.GettingReadyWorkingDays} working days before it and on the last working day before it).";
    }
}
