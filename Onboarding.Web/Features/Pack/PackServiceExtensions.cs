using Microsoft.Extensions.Options;
using Onboarding.Core.Documents;

namespace Onboarding.Web.Features.Pack;

public static class PackServiceExtensions
{
    /// <summary>
    /// One <see cref="PdfRenderer"/> for the app (fonts load once, shaped text is shared), with its
    /// font family from the "Pdf" section checked when the app starts rather than on the first download.
    /// </summary>
    public static IServiceCollection AddPlanPack(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PdfOptions>().Bind(configuration.GetSection(PdfOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PdfOptions>, FontInstalled>();
        services.AddSingleton(sp => new PdfRenderer(sp.GetRequiredService<IOptions<PdfOptions>>().Value, sp.GetRequiredService<ILogger<PdfRenderer>>()));
        return services;
    }

    private sealed class FontInstalled : IValidateOptions<PdfOptions>
    {
        public ValidateOptionsResult Validate(string? name, PdfOptions options) =>
            PdfRenderer.FontProblem(options) is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
    }
}
