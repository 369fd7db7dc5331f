using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SkiaSharp;

namespace Onboarding.Core.Documents;

/// <summary>
/// Renders <see cref="Document"/>s to PDF in two passes: measure and paginate everything
/// first, then draw, so page totals, contents page numbers and the outline are known while
/// drawing. Thread-safe; meant to live as a singleton so shaped text is cached across renders.
/// </summary>
public sealed class PdfRenderer : IDisposable
{
    /// <summary>From this many pages a render's layout is large enough to be collected as soon as the render ends.</summary>
    private const int LargeDocumentPages = 100;

    private readonly FontSet _fonts;
    private readonly ILogger _logger;

    /// <exception cref="InvalidOperationException">The configured font family is not installed.</exception>
    public PdfRenderer(PdfOptions options, ILogger<PdfRenderer>? logger = null)
    {
        _fonts = new FontSet(options.FontFamily);
        _logger = logger ?? NullLogger<PdfRenderer>.Instance;
    }

    /// <summary>What is wrong with <paramref name="options"/>, in the words the constructor would throw; null when it can render.</summary>
    public static string? FontProblem(PdfOptions options) =>
        FontSet.IsInstalled(options.FontFamily) ? null : FontSet.NotInstalled(options.FontFamily);

    public byte[] Render(Document document) => Render(document, CancellationToken.None);

    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled: layout, pagination and drawing all check it.</exception>
    public byte[] Render(Document document, CancellationToken cancellationToken)
    {
        // Elapsed wall time of the work, which an injected (and in tests, frozen) clock would not measure.
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        (byte[] Pdf, int Pages) rendered;
        try
        {
            rendered = RenderDocument(document, cancellationToken);
        }
        finally
        {
            Telemetry.OnboardingMetrics.PdfRendered(System.Diagnostics.Stopwatch.GetElapsedTime(started));
        }

        // A large document's layout (some 10 MiB of small objects for a 1,000-task pack) lives through the whole
        // render, so it is promoted to the oldest generation and, left to the collector's budget, waits there for a
        // gen-2 collection while the next renders promote theirs: the heap at a peak held two or three of them
        // (PackBench: a 146-152 MiB peak working set). Now that it is garbage, a background collection, which does
        // not stop the app's threads, frees it at once: 132-136 MiB, and no render slower (bench/README.md).
        if (rendered.Pages >= LargeDocumentPages)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: false);
        }

        return rendered.Pdf;
    }

    private (byte[] Pdf, int Pages) RenderDocument(Document document, CancellationToken cancellationToken)
    {
        var setup = document.Page;
        var margins = setup.Margins;
        var width = setup.Width - margins.Left - margins.Right;
        var headings = document.Body.Headings().ToList();
        // Glyphs are gathered as text is laid out, so only those are embedded.
        var usage = new GlyphUsage();
        var layout = new LayoutContext(_fonts, document.Theme, headings, usage, cancellationToken);

        StackSlice? Band(Action<Column, PageContext>? compose, PageContext page)
        {
            if (compose is null)
            {
                return null;
            }

            var column = new Column();
            compose(column, page);
            var slices = layout.LayoutAll(column.Blocks, width, StructNode.Detached());
            return slices.Count == 0 ? null : new StackSlice(slices);
        }

        var structure = layout.Structure;
        var body = layout.LayoutAll(document.Body.Blocks, width);
        foreach (var (family, text) in usage.Missing)
        {
            _logger.LogWarning("No installed font has every character of '{Text}' (tried {Family} and fallbacks); \"{Title}\" shows them as boxes", text, family, document.Metadata.Title);
        }

        // Bands are measured before the page count is known; "of N" only changes a number's width.
        var pagination = Paginator.Paginate(body, setup, number => (
            Band(document.HeaderComposer, new PageContext(number, number))?.Height ?? 0,
            Band(document.FooterComposer, new PageContext(number, number))?.Height ?? 0),
            cancellationToken);

        var metadata = new SKDocumentPdfMetadata
        {
            Title = document.Metadata.Title,
            Author = document.Metadata.Author,
            Subject = document.Metadata.Subject,
            Creator = "Onboarding",
            Producer = "Onboarding (SkiaSharp)",
            Creation = document.Metadata.Created.UtcDateTime,
            Modified = document.Metadata.Created.UtcDateTime,
        };

        var total = pagination.Pages.Count;
        var bands = pagination.Pages
            .Select(p => (Header: Band(document.HeaderComposer, new PageContext(p.Number, total)), Footer: Band(document.FooterComposer, new PageContext(p.Number, total))))
            .ToList();

        // A table header drawn again at the top of a later page is a reading aid, not more text.
        var repeatable = pagination.Pages.SelectMany(p => p.Slices).Select(p => p.Slice.RepeatHeader).OfType<Slice>()
            .ToHashSet(ReferenceEqualityComparer.Instance);
        var drawn = new HashSet<object>(ReferenceEqualityComparer.Instance);
        List<List<StructNode>> pageMarks;

        var subsets = usage.Faces.ToDictionary(f => f.Key, f => f.Key.Subset(f.Value.Glyphs, f.Value.Codepoints));
        // Native memory: Skia writes in many small pieces, and a growing managed buffer would be
        // reallocated on the large-object heap several times per document.
        using var output = new SKDynamicMemoryWStream();
        SKDocument? pdf = null;
        try
        {
            pdf = SKDocument.CreatePdf(output, metadata);
            using (var context = new DrawContext(_fonts, document.Theme, pagination.AnchorPages, face => subsets[face], usage))
            {
                foreach (var page in pagination.Pages)
                {
                    context.Canvas = pdf.BeginPage(setup.Width, setup.Height);
                    var (header, footer) = bands[page.Number - 1];
                    using (context.Tagged(StructNode.Artifact))
                    {
                        header?.DrawTagged(context, margins.Left, margins.Top);
                    }

                    using (context.Tagged(structure))
                    {
                        foreach (var placed in page.Slices)
                        {
                            cancellationToken.ThrowIfCancellationRequested();
                            var repeated = repeatable.Contains(placed.Slice) && !drawn.Add(placed.Slice);
                            using (context.Tagged(repeated ? StructNode.Artifact : null))
                            {
                                placed.Slice.DrawTagged(context, margins.Left, placed.Y);
                            }
                        }
                    }

                    // Last, so a reader going by content order meets the page's text before its footer.
                    using (context.Tagged(StructNode.Artifact))
                    {
                        footer?.DrawTagged(context, margins.Left, setup.Height - margins.Bottom - page.FooterHeight);
                    }

                    context.Flush();
                    pdf.EndPage();
                }

                pageMarks = context.PageMarks;
            }

            pdf.Close();
        }
        catch (OperationCanceledException)
        {
            // Disposed without Close or Abort, Skia would go on to write out the pages drawn so far.
            pdf?.Abort();
            throw;
        }
        finally
        {
            pdf?.Dispose();
            foreach (var (face, subset) in subsets)
            {
                if (subset != face.Typeface)
                {
                    subset.Dispose();
                }
            }
        }

        var outline = headings
            .Select(h => new OutlineEntry(h.Text, h.Level, layout.AnchorOf(h)))
            .Where(e => pagination.AnchorPages.ContainsKey(e.Destination))
            .ToList();
        using var written = output.DetachAsData();
        using var file = new PdfFile(written);
        PdfOutline.Add(file, outline);
        PdfTags.Add(file, structure, pageMarks, document.Metadata.Language);
        PdfToUnicode.Add(file, ShapedByFont(usage));
        return (file.Write(), total);
    }

    // Faces of one font (a fake bold drawn from the regular face) share what their glyphs stand for.
    private static Dictionary<string, Dictionary<ushort, string>> ShapedByFont(GlyphUsage usage)
    {
        var byFont = new Dictionary<string, Dictionary<ushort, string>>();
        foreach (var (face, glyphs) in usage.Shaped)
        {
            if (!byFont.TryGetValue(face.Typeface.PostScriptName, out var merged))
            {
                byFont[face.Typeface.PostScriptName] = merged = [];
            }

            foreach (var (glyph, text) in glyphs)
            {
                merged.TryAdd(glyph, text);
            }
        }

        return byFont;
    }

    public void Dispose() => _fonts.Dispose();
}
