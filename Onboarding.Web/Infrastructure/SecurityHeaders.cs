using NetEscapades.AspNetCore.SecurityHeaders;

namespace Onboarding.Web.Infrastructure;

/// <summary>
/// The security headers of every response: pages, static files, error pages, <c>/health</c>, downloads (PDF, ICS) and
/// the jobs dashboard. The middleware runs first and sets them as each response starts, whatever wrote it.
/// </summary>
/// <remarks>
/// The app's own pages run only the app's own script files (<c>wwwroot/js</c>), never inline script, and no inline
/// style either. Two kinds of page show HTML made for elsewhere and need inline styles (for style only, and they run
/// no script at all): a digest is mail HTML with style attributes, shown in a sandboxed <c>srcdoc</c> frame that inherits
/// the page's policy, and the printable plan pack is one self-contained document with a style element. Those actions
/// carry <c>[SecurityHeadersPolicy(SecurityHeaders.InlineStyles)]</c>. Hangfire's dashboard writes inline scripts and
/// styles of its own; only administrators reach it, and it gets its own policy that allows them.
/// </remarks>
public static class SecurityHeaders
{
    public const string InlineStyles = "inline-styles";
    private const string JobsDashboard = "jobs-dashboard";

    /// <summary>Where the Hangfire dashboard is mounted.</summary>
    public const string JobsDashboardPath = "/admin/jobs";

    public static IServiceCollection AddOnboardingSecurityHeaders(this IServiceCollection services) =>
        services.AddSecurityHeaderPolicies(policies => policies
            .SetDefaultPolicy(p => Common(p).AddContentSecurityPolicy(csp => Pages(csp, inlineStyles: false)))
            .AddPolicy(InlineStyles, p => Common(p).AddContentSecurityPolicy(csp => Pages(csp, inlineStyles: true)))
            .AddPolicy(JobsDashboard, p => Common(p).AddContentSecurityPolicy(Dashboard))
            // The dashboard is middleware, not an endpoint that could carry an attribute: it is known by its path. Inside
            // its branch the prefix has moved to PathBase.
            .SetPolicySelector(context =>
                context.HttpContext.Request.PathBase.Add(context.HttpContext.Request.Path).StartsWithSegments(JobsDashboardPath)
                    ? context.ConfiguredPolicies[JobsDashboard]
                    : context.SelectedPolicy));

    private static HeaderPolicyCollection Common(HeaderPolicyCollection policy) => policy
        .AddContentTypeOptionsNoSniff()
        .AddFrameOptionsDeny()
        // Links in stored text lead to other sites; tokens in our paths (invitations, unsubscribe, calendar feeds)
        // must not travel with the visitor.
        .AddReferrerPolicySameOrigin()
        .AddCrossOriginOpenerPolicy(b => b.SameOrigin())
        // Only on responses over HTTPS (after the forwarded headers of a trusted proxy); plain HTTP never gets it.
        .AddStrictTransportSecurityMaxAge(maxAgeInSeconds: 365 * 24 * 60 * 60);

    private static void Pages(CspBuilder csp, bool inlineStyles)
    {
        csp.AddDefaultSrc().Self();
        if (inlineStyles)
        {
            csp.AddScriptSrc().None();
        }
        else
        {
            csp.AddScriptSrc().Self();
        }
        var style = csp.AddStyleSrc().Self();
        if (inlineStyles)
        {
            style.UnsafeInline();
        }
        // Markdown images from other hosts are shown as links (MarkdownText), and this is the second line: no page
        // loads an image from anywhere but the app.
        csp.AddImgSrc().Self();
        csp.AddObjectSrc().None();
        csp.AddBaseUri().None();
        csp.AddFormAction().Self();
        csp.AddFrameAncestors().None();
    }

    private static void Dashboard(CspBuilder csp)
    {
        csp.AddDefaultSrc().Self();
        csp.AddScriptSrc().Self().UnsafeInline();
        csp.AddStyleSrc().Self().UnsafeInline();
        csp.AddImgSrc().Self().Data();
        csp.AddObjectSrc().None();
        csp.AddBaseUri().None();
        csp.AddFormAction().Self();
        csp.AddFrameAncestors().None();
    }
}
