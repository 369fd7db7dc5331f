using Microsoft.AspNetCore.Mvc;

namespace Onboarding.Web.Features.Home;

public sealed class HomeController : Controller
{
    [HttpGet("/")]
    public IActionResult Index() => Redirect("/engagements");
}
