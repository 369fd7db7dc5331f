namespace Onboarding.Core.Locations;

/// <summary>
/// Which plan tasks are about the local market: those whose template task key starts with <c>market-</c>
/// (templates/README.md). Their pages and their owner's plan link to the market cards of the owner's locations.
/// </summary>
public static class MarketTasks
{
    public const string KeyPrefix = "market-";

    /// <param name="planKey">A plan task's key: <c>template/task</c>, with <c>@person</c> on a per-person copy.</param>
    public static bool IsAbout(string planKey)
    {
        var task = planKey[(planKey.LastIndexOf('/') + 1)..];
        var at = task.IndexOf('@', StringComparison.Ordinal);
        return (at < 0 ? task : task[..at]).StartsWith(KeyPrefix, StringComparison.Ordinal);
    }
}

/// <summary>A link to a location's market card, as task pages and personal plans list them.</summary>
public sealed record MarketCardLink(int LocationId, string LocationName, bool HasCard)
{
    public string Path(int engagementId) => $"/engagements/{engagementId}/locations/{LocationId}/market";
}
