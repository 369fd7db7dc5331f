namespace Onboarding.Core.Accounts;

/// <summary>
/// A one-time link that lets an invited person set their password. Only the token's hash is
/// stored, so a database leak does not hand out working links.
/// </summary>
public sealed class Invitation
{
    public int Id { get; set; }
    public required string Email { get; set; }
    public required string TokenHash { get; set; }
    public required string UserId { get; set; }
    public AppUser? User { get; set; }
    public string? InvitedByUserId { get; set; }
    public int? EngagementId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? UsedAt { get; set; }

    public bool IsUsable(DateTimeOffset now) => UsedAt is null && now < ExpiresAt;
}
