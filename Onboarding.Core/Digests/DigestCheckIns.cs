using System.Globalization;
using Onboarding.Core.Links;

namespace Onboarding.Core.Digests;

/// <summary>
/// The "From Tuesday's check-in" section: each check-in recorded since the reader's last digest (so it is said once)
/// that the reader attended or got an action item from, with its decisions and its action items, the reader's first.
/// </summary>
internal static class DigestCheckIns
{
    public static IReadOnlyList<CheckInNote> For(DigestEngagement engagement, int memberId, Func<DateTimeOffset, bool> inWindow, AppLinks links) => engagement.CheckIns
        .Where(c => inWindow(c.RecordedAt) && (c.ParticipantMemberIds.Contains(memberId) || c.Actions.Any(a => a.OwnerMemberId == memberId)))
        .OrderBy(c => c.Date).ThenBy(c => c.Title, StringComparer.Ordinal)
        .Select(c => new CheckInNote(
            Heading(c.Date),
            $"{c.Title}, {DigestRenderer.ShortDate(c.Date)}",
            links.CheckIn(engagement.Id, c.SeriesId, c.Date),
            c.Decisions,
            c.Actions
                .OrderBy(a => a.OwnerMemberId != memberId).ThenBy(a => a.Due).ThenBy(a => a.Title, StringComparer.Ordinal)
                .Select(a => new CheckInActionItem(a.Title, links.Task(engagement.Id, a.TaskId), a.OwnerName, a.Due, a.OwnerMemberId == memberId))
                .ToList()))
        .ToList();

    /// <summary>"From Tuesday's check-in": the weekday in words, as people refer to the meeting.</summary>
    public static string Heading(DateOnly date) => $"From {date.ToString("dddd", CultureInfo.InvariantCulture)}'s check-in";
}
