using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Onboarding.Core.Markdown;

namespace Onboarding.Web.Infrastructure;

public static class MarkdownHtml
{
    /// <summary>
    /// The only way views emit user-written HTML: through the safe Markdown renderer, which has
    /// raw HTML off and link schemes restricted.
    /// </summary>
    public static IHtmlContent Markdown(this IHtmlHelper html, string? markdown) => new HtmlString(MarkdownText.ToHtml(markdown));
}
