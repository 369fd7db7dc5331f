namespace Onboarding.Core.Demo;

public sealed class SeedOptions
{
    public const string Section = "Seed";

    /// <summary>Seed the demo organisations, users and engagement into an empty database. Null means "on for SQLite, off for PostgreSQL".</summary>
    public bool? Demo { get; set; }
    public string ProviderName { get; set; } = "Northstar Talent Partners";
    public string AdminEmail { get; set; } = "admin@northstar.example";
    public string? AdminPassword { get; set; }
    public string? DemoPassword { get; set; }
}
