namespace Onboarding.Core.Links;

/// <summary>The "Site" configuration section: where people reach the app.</summary>
public sealed class SiteOptions
{
    public const string Section = "Site";

    /// <summary>
    /// The app's public address, e.g. https://onboarding.example.com: every absolute link in mail, calendar feeds
    /// and invitations starts with it. Before this section existed it was <c>Digests:BaseUrl</c>, still read as a fallback.
    /// </summary>
    public string BaseUrl { get; set; } = "http://localhost:5080";
}
