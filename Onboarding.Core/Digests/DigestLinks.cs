namespace Onboarding.Core.Digests;

/// <summary>
/// Absolute links from a digest back into the app. Mail clients have no base URL, so every link
/// starts with the configured public address; the routes live here so the pages can match them.
/// </summary>
public sealed class DigestLinks
{
    private readonly string root;

    /// <exception cref="ArgumentException"><paramref name="baseUrl"/> is not an absolute http or https URL.</exception>
    public DigestLinks(Uri baseUrl)
    {
        Root = RequireWebUrl(baseUrl, nameof(baseUrl));
        // A base with a path (https://host/onboarding) keeps it; query and fragment are dropped.
        root = Root.GetLeftPart(UriPartial.Path).TrimEnd('/');
    }

    public Uri Root { get; }

    public string Engagement(int engagementId) => $"{root}/engagements/{engagementId}";

    public string Task(int engagementId, int taskId) => $"{Engagement(engagementId)}/tasks/{taskId}";

    public string Milestone(int engagementId, int milestoneId) => $"{Engagement(engagementId)}/milestones/{milestoneId}";

    public string Metric(int engagementId, int metricId) => $"{Engagement(engagementId)}/metrics/{metricId}";

    public string GlossaryTerm(int engagementId, int termId) => $"{Engagement(engagementId)}/glossary#term-{termId}";

    public string Wins(int engagementId) => $"{Engagement(engagementId)}/wins";

    public string DigestPreferences() => $"{root}/digests/preferences";

    internal static Uri RequireWebUrl(Uri url, string parameter) =>
        url is { IsAbsoluteUri: true } && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp)
            ? url
            : throw new ArgumentException($"'{url}' is not an absolute http(s) URL.", parameter);
}
