using Microsoft.AspNetCore.Mvc;
using Onboarding.Core.Templates;
using Onboarding.Web.Infrastructure;

namespace Onboarding.Web.Features.AdminTemplates;

/// <summary>The provider administrator's view of the templates the app loaded, with their validation status, and of one template.</summary>
[AdministratorsOnly]
public sealed class AdminTemplatesController(TemplateCatalog catalog) : Controller
{
    [HttpGet("/admin/templates")]
    public IActionResult Templates() => View(new TemplatesCatalogViewModel(
        catalog.Templates,
        catalog.Errors.GroupBy(e => e.File).Select(g => new BrokenTemplate(Path.GetFileName(g.Key), g.ToList())).OrderBy(b => b.FileName, StringComparer.Ordinal).ToList()));

    [HttpGet("/admin/templates/{key}")]
    public IActionResult Template(string key) => catalog.Find(key) is { } template ? View(template) : NotFound();
}

public sealed record BrokenTemplate(string FileName, IReadOnlyList<TemplateError> Errors);

public sealed record TemplatesCatalogViewModel(IReadOnlyList<PlanTemplate> Valid, IReadOnlyList<BrokenTemplate> Broken);
