using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace Onboarding.Web.Features.Calendar;

/// <summary>
/// The feed as a file result, so a calendar app's poll with If-None-Match or If-Modified-Since gets 304 Not
/// Modified when it already has the feed (the framework's file results apply HTTP's precondition rules, HEAD
/// included). The ETag is a hash of the feed itself, so it changes exactly when the bytes do.
/// </summary>
public static class ConditionalFeed
{
    public static FileContentResult Respond(HttpResponse response, string text, DateTimeOffset lastModified)
    {
        var body = Encoding.UTF8.GetBytes(text);
        // The secret address is the credential: shared caches must not keep the feed, and the app should ask each time.
        response.GetTypedHeaders().CacheControl = new CacheControlHeaderValue { Private = true, NoCache = true };
        return new FileContentResult(body, "text/calendar; charset=utf-8")
        {
            // Weak, because the same feed may go out compressed or not: the tag stands for its content, not its bytes.
            EntityTag = new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(body).AsSpan(0, 16))}\"", isWeak: true),
            // HTTP dates count whole seconds.
            LastModified = new DateTimeOffset(lastModified.UtcTicks - (lastModified.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero),
        };
    }
}
