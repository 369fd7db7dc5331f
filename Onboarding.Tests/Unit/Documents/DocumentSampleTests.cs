using Onboarding.Core.Documents;

namespace Onboarding.Tests.Unit.Documents;

public class DocumentSampleTests
{
    /// <summary>Writes a representative plan pack for a person to look at (set ONBOARDING_SAMPLE_PDF to a path).</summary>
    [Fact]
    public void Representative_plan_pack_renders()
    {
        using var renderer = new PdfRenderer(new PdfOptions());

        var pdf = renderer.Render(SampleDocuments.PlanPack(tasks: 90));

        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(pdf, 0, 5));
        if (Environment.GetEnvironmentVariable("ONBOARDING_SAMPLE_PDF") is { Length: > 0 } path)
        {
            File.WriteAllBytes(path, pdf);
        }
    }
}
