namespace Onboarding.Core.Accounts;

public enum OrganisationKind
{
    Provider,
    Client,
}

/// <summary>The RPO provider running engagements, or a client buying from it.</summary>
public sealed class Organisation
{
    public int Id { get; set; }
    private string name = "";

    public required string Name
    {
        get => name;
        set
        {
            name = value;
            NameKey = KeyOf(value);
        }
    }

    /// <summary>The name as compared: a provider has one client of a name, whatever its case or spacing.</summary>
    public string NameKey { get; private set; } = "";
    public OrganisationKind Kind { get; set; }

    /// <summary>Hex colour shown on digests and the pack, so recipients recognise the sender.</summary>
    public string BrandColour { get; set; } = "#1f5f8b";

    /// <summary>For a client organisation, the provider that serves it.</summary>
    public int? ProviderId { get; set; }
    public Organisation? Provider { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>
    /// For a provider: changes with the revision of any of its engagements (see <see cref="Data.EngagementRevisions"/>),
    /// so a portfolio can keep which engagements it lists, and their revisions, until it does.
    /// </summary>
    public Guid PortfolioRevision { get; set; } = Guid.NewGuid();

    public static string KeyOf(string name) => string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToLowerInvariant();
}
