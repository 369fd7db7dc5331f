using SkiaSharp;

namespace Onboarding.Core.Documents;

/// <summary>
/// Renders <see cref="Document"/>s to PDF in two passes: measure and paginate everything
/// first, then draw, so page totals, contents page numbers and the outline are known while
/// drawing. Thread-safe; meant to live as a singleton so shaped text is cached across renders.
/// </summary>
public sealed class PdfRenderer : IDisposable
{
    private readonly FontSet _fonts;

    /// <exception cref="InvalidOperationException">The configured font family is not installed.</exception>
    public PdfRenderer(PdfOptions options)
    {
        _fonts = new FontSet(options.FontFamily);
    }

    public byte[] Render(Document document)
    {
        var setup = document.Page;
        var margins = setup.Margins;
        var width = setup.Width - margins.Left - margins.Right;
        var headings = document.Body.Headings().ToList();
        var layout = new LayoutContext(_fonts, document.Theme, headings);

        StackSlice? Band(Action<Column, PageContext>? compose, PageContext page)
        {
            if (compose is null)
            {
                return null;
            }

            var column = new Column();
            compose(column, page);
            var slices = layout.LayoutAll(column.Blocks, width);
            return slices.Count == 0 ? null : new StackSlice(slices);
        }

        var body = layout.LayoutAll(document.Body.Blocks, width);

        // Bands are measured before the page count is known; "of N" only changes a number's width.
        var pagination = Paginator.Paginate(body, setup, number => (
            Band(document.HeaderComposer, new PageContext(number, number))?.Height ?? 0,
            Band(document.FooterComposer, new PageContext(number, number))?.Height ?? 0));

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

        using var output = new MemoryStream();
        using (var pdf = SKDocument.CreatePdf(output, metadata))
        {
            var total = pagination.Pages.Count;
            DrawContext? context = null;
            try
            {
                foreach (var page in pagination.Pages)
                {
                    var canvas = pdf.BeginPage(setup.Width, setup.Height);
                    context ??= new DrawContext(canvas, _fonts, document.Theme, pagination.AnchorPages, face => face.Typeface);
                    context.Canvas = canvas;
                    var pageContext = new PageContext(page.Number, total);
                    Band(document.HeaderComposer, pageContext)?.Draw(context, margins.Left, margins.Top);
                    if (Band(document.FooterComposer, pageContext) is { } footer)
                    {
                        footer.Draw(context, margins.Left, setup.Height - margins.Bottom - page.FooterHeight);
                    }

                    foreach (var placed in page.Slices)
                    {
                        placed.Slice.Draw(context, margins.Left, placed.Y);
                    }

                    pdf.EndPage();
                }
            }
            finally
            {
                context?.Dispose();
            }

            pdf.Close();
        }

        var outline = headings
            .Select(h => new OutlineEntry(h.Text, h.Level, layout.AnchorOf(h)))
            .Where(e => pagination.AnchorPages.ContainsKey(e.Destination))
            .ToList();
        return PdfOutline.Append(output.ToArray(), outline);
    }

    public void Dispose() => _fonts.Dispose();
}
