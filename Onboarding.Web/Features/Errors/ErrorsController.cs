using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Onboarding.Web.Features.Errors;

[AllowAnonymous]
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class ErrorsController : Controller
{
    [Route("/error/{code:int}")]
    [IgnoreAntiforgeryToken]
    public IActionResult Show(int code)
    {
        // Re-executed pages keep the original status; a direct visit answers with the code it names.
        if (HttpContext.Response.StatusCode == StatusCodes.Status200OK)
        {
            HttpContext.Response.StatusCode = code is >= 400 and < 600 ? code : StatusCodes.Status404NotFound;
        }
        var status = HttpContext.Response.StatusCode;
        // A rate limit says how long to wait in Retry-After (seconds); the page says it in minutes.
        int? waitMinutes = status == StatusCodes.Status429TooManyRequests
            && int.TryParse(HttpContext.Response.Headers.RetryAfter, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
            ? Math.Max(1, (seconds + 59) / 60)
            : null;
        return View("Error", new ErrorViewModel(status, waitMinutes));
    }
}

public sealed record ErrorViewModel(int Status, int? WaitMinutes = null)
{
    public string Title => Status switch
    {
        StatusCodes.Status400BadRequest => "That request could not be used",
        StatusCodes.Status403Forbidden => "Not part of your role",
        StatusCodes.Status404NotFound => "Page not found",
        StatusCodes.Status405MethodNotAllowed => "Not something this address does",
        StatusCodes.Status429TooManyRequests => "Too many attempts",
        StatusCodes.Status503ServiceUnavailable => "Unavailable for a moment",
        _ => "Something went wrong",
    };

    public string Explanation => Status switch
    {
        StatusCodes.Status400BadRequest => "The form may have expired. Go back, reload the page and try again; nothing was changed.",
        StatusCodes.Status403Forbidden => "Your role in this engagement does not include this action. Ask the account leader if you need it.",
        StatusCodes.Status404NotFound => "There is nothing here, or it is not shared with you.",
        StatusCodes.Status405MethodNotAllowed => "This address answers the app's own forms and scripts, not a visit. Nothing was changed.",
        StatusCodes.Status429TooManyRequests => $"Too many attempts; try again in {WaitMinutes ?? 15} minute{(WaitMinutes == 1 ? "" : "s")}.",
        StatusCodes.Status503ServiceUnavailable => "The app cannot reach its database just now. Try again in a minute; nothing you saved before was lost.",
        _ => "The error has been logged. Try again in a moment; nothing you saved before was lost.",
    };
}
