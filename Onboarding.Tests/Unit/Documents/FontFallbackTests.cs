using Microsoft.Extensions.Logging;
using Onboarding.Core.Documents;
using Onboarding.Core.Documents.PlanPack;
using Onboarding.Core.Engagements;
using UglyToad.PdfPig;

namespace Onboarding.Tests.Unit.Documents;

/// <summary>Text in scripts and symbols the configured family lacks comes from other installed fonts, and what none has is logged.</summary>
public class FontFallbackTests(RendererFixture fixture) : IClassFixture<RendererFixture>
{
    [Fact]
    public void A_pack_with_a_Hindi_task_title_and_an_emoji_reads_back_with_those_characters()
    {
        var engagement = PackModels.DemoEngagement();
        engagement.Tasks.First().Title = "नमस्ते टीम 😀 welcome";
        var pack = PackModel.From(engagement, PackModels.Now);

        using var pdf = PdfDocument.Open(fixture.Renderer.Render(PackComposer.Pack(pack)));
        var letters = pdf.GetPages().SelectMany(p => p.Letters).Select(l => l.Value).ToList();
        var text = string.Concat(letters.Where(l => !string.IsNullOrWhiteSpace(l)));

        Assert.Contains("नमस्तेटीम😀welcome", text, StringComparison.Ordinal);
        Assert.DoesNotContain(letters, l => l.Contains('\0', StringComparison.Ordinal));
    }

    [Fact]
    public void A_character_no_installed_font_has_is_logged_once_per_document_and_family_with_its_text()
    {
        var logger = new CollectingLogger();
        using var renderer = new PdfRenderer(new PdfOptions(), logger);
        var document = new Document(new DocumentMetadata("Missing glyphs", "Tests", "Fallback", PackModels.Now))
            .Content(c => c.Paragraph("Private \U0010FFFD use").Paragraph("And again \U0010FFFDx here").Paragraph("Plain text"));

        renderer.Render(document);

        var warning = Assert.Single(logger.Entries);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains("'\U0010FFFD'", warning.Message, StringComparison.Ordinal);
        Assert.Contains("DejaVu Sans", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_the_installed_fonts_can_draw_logs_nothing()
    {
        var logger = new CollectingLogger();
        using var renderer = new PdfRenderer(new PdfOptions(), logger);
        var document = new Document(new DocumentMetadata("Fallback", "Tests", "Fallback", PackModels.Now))
            .Content(c => c.Paragraph("नमस्ते and 😀 and plain text"));

        renderer.Render(document);

        Assert.Empty(logger.Entries);
    }

    private sealed class CollectingLogger : ILogger<PdfRenderer>
    {
        public List<(LogLevel Level, string Message)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Add((logLevel, formatter(state, exception)));
    }
}
