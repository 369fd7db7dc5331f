using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.ResponseCompression;

namespace Onboarding.Web.Infrastructure;

/// <summary>
/// Pages, styles and calendar feeds go out compressed (the plan page shrinks several times over), over HTTPS too.
/// </summary>
/// <remarks>
/// BREACH recovers a secret from the size of compressed responses that also reflect the attacker's input. The secret
/// most pages carry, the antiforgery token, is encrypted afresh for every response (Data Protection uses a new key
/// modifier and IV each time), so its bytes never repeat and sizes reveal nothing about it. Pages that show a
/// long-lived secret as it is (a calendar feed's address, mails with unsubscribe links) opt out with
/// <see cref="DoNotCompressAttribute"/>. The session cookie is never in a body.
/// </remarks>
public static class ResponseCompressionSetup
{
    public static IServiceCollection AddOnboardingResponseCompression(this IServiceCollection services) =>
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(["text/calendar", "image/svg+xml"]);
        });
}

/// <summary>Sends the response uncompressed over HTTPS: for pages that show a long-lived secret (see <see cref="ResponseCompressionSetup"/>).</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class DoNotCompressAttribute : ResultFilterAttribute
{
    public override void OnResultExecuting(ResultExecutingContext context)
    {
        if (context.HttpContext.Features.Get<IHttpsCompressionFeature>() is { } https)
        {
            https.Mode = HttpsCompressionMode.DoNotCompress;
        }
    }
}
