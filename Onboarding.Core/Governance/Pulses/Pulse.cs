using Onboarding.Core.Engagements;

namespace Onboarding.Core.Governance.Pulses;

/// <summary>
/// One one-question pulse ("How well is the transition going for you?") sent to one member for one occasion
/// (a month, or a milestone reached). Its link carries a secret token; only the token's hash is stored, so the
/// table never holds a working link. The first answer counts; <see cref="Response"/> is the leader's "we did".
/// </summary>
public sealed class Pulse
{
    public int Id { get; set; }
    public int EngagementId { get; set; }
    public Engagement? Engagement { get; set; }
    public int MemberId { get; set; }
    public Member? Member { get; set; }

    /// <summary>What it was sent for, as a key unique per member: <c>month:2026-12</c> or <c>milestone:42</c>.</summary>
    public required string Occasion { get; set; }

    /// <summary>The occasion in words, for the mail and the pages ("December 2026", "After: Hold the 30-day review").</summary>
    public required string OccasionText { get; set; }

    /// <summary><see cref="Accounts.Secrets.Hash"/> of the link's token; replaced when an unsent pulse is sent again.</summary>
    public required string TokenHash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Null until the mail went out.</summary>
    public DateTimeOffset? SentAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? AnsweredAt { get; set; }

    /// <summary>1 (badly) to 5 (very well); null until answered.</summary>
    public int? Score { get; set; }
    public string Comment { get; set; } = "";

    /// <summary>The issue a low score opened.</summary>
    public int? LogEntryId { get; set; }

    /// <summary>"You said, we did": what the leader did about the answer, told once in the respondent's next digest.</summary>
    public string Response { get; set; } = "";
    public string? RespondedBy { get; set; }
    public DateTimeOffset? RespondedAt { get; set; }

    /// <summary>When a digest told the respondent the response, in the digest's own transaction.</summary>
    public DateTimeOffset? ResponseToldAt { get; set; }
}
