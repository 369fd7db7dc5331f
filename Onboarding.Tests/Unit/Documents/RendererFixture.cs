using Onboarding.Core.Documents;

namespace Onboarding.Tests.Unit.Documents;

/// <summary>One renderer for a test class, as the app keeps one: fonts load once and shaped text is shared.</summary>
public sealed class RendererFixture : IDisposable
{
    public PdfRenderer Renderer { get; } = new(new PdfOptions());

    public void Dispose() => Renderer.Dispose();
}
