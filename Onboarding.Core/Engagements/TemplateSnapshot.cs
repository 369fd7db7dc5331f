namespace Onboarding.Core.Engagements;

/// <summary>
/// The template text a plan was generated from, kept so that editing a template file never
/// silently changes a running plan.
/// </summary>
public sealed class TemplateSnapshot
{
    public int Id { get; set; }
    public int EngagementId { get; set; }
    public required string TemplateKey { get; set; }

    /// <summary>Distinguishes repeated applications, e.g. the recruiter template once per recruiter.</summary>
    public required string InstanceKey { get; set; }
    public required string Title { get; set; }
    public int Version { get; set; }
    public required string Content { get; set; }

    /// <summary>The member a per-person template (recruiter onboarding) was applied for.</summary>
    public int? ForMemberId { get; set; }
    public Member? ForMember { get; set; }
    public DateTimeOffset AppliedAt { get; set; }
}
