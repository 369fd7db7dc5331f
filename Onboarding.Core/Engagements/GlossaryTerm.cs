namespace Onboarding.Core.Engagements;

/// <summary>One entry of the engagement's shared dictionary: the client's word, the provider's word, one meaning.</summary>
public sealed class GlossaryTerm : IVersioned
{
    public int Id { get; set; }
    public int EngagementId { get; set; }
    public required string ClientTerm { get; set; }
    public string ProviderTerm { get; set; } = "";

    /// <summary>Markdown.</summary>
    public string Definition { get; set; } = "";
    public bool Agreed { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public int Version { get; set; }
    public string? ChangedBy { get; set; }
    public DateTimeOffset? ChangedAt { get; set; }
}
