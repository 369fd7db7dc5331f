namespace Onboarding.Core.Links;

/// <summary>
/// Absolute links into the app, for mail, calendar feeds and anything read outside it. Every link starts with
/// the configured public address (<see cref="SiteOptions.BaseUrl"/>), never with a request's Host header, which
/// a client can forge; the routes live here so the pages can match them.
/// </summary>
public sealed class AppLinks
{
    private readonly string root;

    /// <exception cref="ArgumentException"><paramref name="baseUrl"/> is not an absolute http or https URL.</exception>
    public AppLinks(Uri baseUrl)
    {
        Root = RequireWebUrl(baseUrl, nameof(baseUrl));
        // A base with a path (https://host/onboarding) keeps it; query and fragment are dropped.
        root = Root.GetLeftPart(UriPartial.Path).TrimEnd('/');
    }

    public Uri Root { get; }

    public string Engagement(int engagementId) => $"{root}/engagements/{engagementId}";

    public string Task(int engagementId, int taskId) => $"{Engagement(engagementId)}/tasks/{taskId}";

    /// <summary>A milestone has no page of its own: its task's page when a task reaches it, else the overview, which lists the next milestones.</summary>
    public string Milestone(int engagementId, int? taskId) => taskId is { } id ? Task(engagementId, id) : Engagement(engagementId);

    /// <summary>The metrics page, at the metric's panel (<c>id="metric-{id}"</c>).</summary>
    public string Metric(int engagementId, int metricId) => $"{Engagement(engagementId)}/metrics#metric-{metricId}";

    /// <summary>The glossary page, at the term (<c>id="term-{id}"</c>).</summary>
    public string GlossaryTerm(int engagementId, int termId) => $"{Engagement(engagementId)}/glossary#term-{termId}";

    /// <summary>The plan's checklist, filtered to one owner's tasks when <paramref name="ownerMemberId"/> is given.</summary>
    public string Plan(int engagementId, int? ownerMemberId = null) =>
        ownerMemberId is { } owner ? $"{Engagement(engagementId)}/plan?owner={owner}" : $"{Engagement(engagementId)}/plan";

    /// <summary>An entry of the risk, issue and decision log.</summary>
    public string LogEntry(int engagementId, int entryId) => $"{Engagement(engagementId)}/log/{entryId}";

    public string Metrics(int engagementId) => $"{Engagement(engagementId)}/metrics";

    public string MarketCard(int engagementId, int locationId) => $"{Engagement(engagementId)}/locations/{locationId}/market";

    public string Stakeholders(int engagementId) => $"{Engagement(engagementId)}/stakeholders";

    /// <summary>The reader's engagements: the account leader's overview of their portfolio.</summary>
    public string Engagements() => $"{root}/engagements";

    public string Wins(int engagementId) => $"{Engagement(engagementId)}/wins";

    /// <summary>One meeting of a check-in series, by its day.</summary>
    public string CheckIn(int engagementId, int seriesId, DateOnly date) => $"{Engagement(engagementId)}/check-ins/{seriesId}/{date:yyyy-MM-dd}";

    public string Pulses(int engagementId) => $"{Engagement(engagementId)}/pulses";

    /// <summary>A pulse's answer page; with <paramref name="score"/>, the page with that answer chosen (one click in the mail).</summary>
    public string Pulse(string token, int? score = null) =>
        $"{root}/pulse/{Uri.EscapeDataString(token)}" + (score is { } s ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"?score={s}") : "");

    public string DigestPreferences() => $"{root}/digests/preferences";

    /// <summary>The one-click unsubscribe page for a member's token (RFC 8058: GET confirms, POST unsubscribes).</summary>
    public string Unsubscribe(string token) => $"{root}/digests/unsubscribe/{Uri.EscapeDataString(token)}";

    /// <summary>A member's private calendar feed.</summary>
    public string CalendarFeed(string token) => $"{root}/calendar/{Uri.EscapeDataString(token)}.ics";

    /// <summary>A one-time invitation to set the password of a new account.</summary>
    public string Invitation(string token) => $"{root}/invitations/{Uri.EscapeDataString(token)}";

    public string SignIn() => $"{root}/sign-in";

    /// <summary>Where someone who forgot their password asks for a reset link to their own address.</summary>
    public string ForgotPassword() => $"{root}/forgot-password";

    /// <summary>A password-reset link; mailed only to the account's own address, never shown on a page.</summary>
    public string PasswordReset(string userId, string token) => $"{root}/password-reset/{Uri.EscapeDataString(userId)}/{Uri.EscapeDataString(token)}";

    /// <summary>
    /// What a digest shown to someone other than its recipient (a preview, the outbox) links to instead of the
    /// recipient's unsubscribe token, which would let the viewer switch off that person's digests.
    /// </summary>
    public string UnsubscribePlaceholder() => $"{root}/digests/unsubscribe-preview";

    public static Uri RequireWebUrl(Uri url, string parameter) =>
        url is { IsAbsoluteUri: true } && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp)
            ? url
            : throw new ArgumentException($"'{url}' is not an absolute http(s) URL.", parameter);
}
