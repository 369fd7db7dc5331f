using Onboarding.Core.Documents;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Actions;
using UglyToad.PdfPig.Annotations;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Graphics.Operations.TextObjects;
using UglyToad.PdfPig.Outline;
using static Onboarding.Tests.Unit.Documents.PdfText;

namespace Onboarding.Tests.Unit.Documents;

public class PdfRendererTests(RendererFixture fixture) : IClassFixture<RendererFixture>
{
    private static readonly string[] BodyHeadings =
        ["Shared purpose", "Outcomes", "Stakeholders", "Timeline", "The 30/60/90 plan", .. SampleDocuments.Phases];

    private readonly PdfRenderer _renderer = fixture.Renderer;

    [Fact]
    public void Headings_appear_in_order_after_the_contents_page()
    {
        using var pdf = PdfDocument.Open(_renderer.Render(SampleDocuments.PlanPack(tasks: 90)));

        var text = string.Join("\n", pdf.GetPages().Skip(2).Select(TextOf));
        var positions = BodyHeadings.Select(h => text.IndexOf(h, StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(-1, positions);
        Assert.Equal(positions.Order(), positions);
        Assert.True(pdf.NumberOfPages > 5, $"90 tasks fit on {pdf.NumberOfPages} pages");
    }

    [Fact]
    public void Every_page_says_which_page_of_how_many_it_is()
    {
        using var pdf = PdfDocument.Open(_renderer.Render(SampleDocuments.PlanPack(tasks: 90)));

        foreach (var page in pdf.GetPages())
        {
            Assert.Contains($"Page {page.Number} of {pdf.NumberOfPages}", TextOf(page));
        }
    }

    [Fact]
    public void Metadata_is_set()
    {
        using var pdf = PdfDocument.Open(_renderer.Render(SampleDocuments.PlanPack(tasks: 3)));

        Assert.Equal("Acme plan pack", pdf.Information.Title);
        Assert.Equal("Northwind RPO", pdf.Information.Author);
        Assert.Equal("First 90 days of the Acme engagement", pdf.Information.Subject);
        Assert.Equal(SampleDocuments.Created, pdf.Information.GetCreatedDateTimeOffset());
    }

    [Fact]
    public void Every_font_is_embedded()
    {
        var bytes = _renderer.Render(SampleDocuments.PlanPack(tasks: 3));
        using var pdf = PdfDocument.Open(bytes);

        // Skia writes font descriptors as plain objects; each must carry its font program.
        var descriptors = Objects(bytes).Where(o => o.Contains("/Type /FontDescriptor", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(descriptors);
        Assert.All(descriptors, d => Assert.Contains("/FontFile2", d));
        Assert.All(pdf.GetPages().SelectMany(p => p.Letters), l => Assert.Contains("DejaVuSans", l.FontName));
    }

    [Fact]
    public void Names_in_any_latin_script_come_back_as_written()
    {
        using var pdf = PdfDocument.Open(_renderer.Render(SampleDocuments.PlanPack(tasks: 3)));

        Assert.Contains("Zażółć Ñandú Øster", TextOf(pdf.GetPage(1)));
        Assert.Contains("Zażółć Ñandú Øster", TextOf(pdf.GetPage(3)));
    }

    [Fact]
    public void Ligatures_do_not_change_the_text()
    {
        var document = new Document(SampleDocuments.Metadata).Content(c => c.Paragraph("find the office flow"));

        using var pdf = PdfDocument.Open(_renderer.Render(document));

        Assert.Contains("find the office flow", TextOf(pdf.GetPage(1)));
    }

    [Fact]
    public void A_paragraph_is_written_as_one_text_object_and_reads_back_with_its_spaces()
    {
        const string text = "Map the current hiring process with the TA lead so recruiters follow real steps, "
            + "then agree who signs off each offer, by when, and what happens when a hiring manager is away for a week.";
        var document = new Document(SampleDocuments.Metadata).Content(c => c.Paragraph(text));

        using var pdf = PdfDocument.Open(_renderer.Render(document));

        var page = pdf.GetPage(1);
        var lines = LinesOf(page);
        Assert.True(lines.Count > 1, $"one line: {lines[0]}");
        Assert.Equal(text, Flowing([page]));
        Assert.Single(page.Operations.OfType<BeginText>());
        // Spaces are glyphs, so copied text keeps them; none is drawn where a line breaks.
        Assert.Equal(text.Count(c => c == ' ') - (lines.Count - 1), page.Letters.Count(l => l.Value == " "));
    }

    [Fact]
    public void Text_in_several_faces_colours_links_and_fallback_fonts_reads_back_in_order()
    {
        // Tifinagh is not in DejaVu Serif, so it comes from another font in the middle of a line.
        using var serif = new PdfRenderer(new PdfOptions { FontFamily = "DejaVu Serif" });
        const string markdown = "Plain words then **bold office flow** and *italic find* with [a link over three words](https://example.com/plan) "
            + "and ⴰⵣⵓⵍ in Tifinagh, then Zażółć Ñandú Øster, repeated until the paragraph wraps onto a second and a third line of text. "
            + "Plain words then **bold office flow** and *italic find* to finish.";
        var document = new Document(SampleDocuments.Metadata).Content(c => c.Markdown(markdown));

        using var pdf = PdfDocument.Open(serif.Render(document));

        var page = pdf.GetPage(1);
        Assert.True(LinesOf(page).Count > 2);
        Assert.Equal(markdown.Replace("**", "", StringComparison.Ordinal).Replace("*", "", StringComparison.Ordinal)
            .Replace("[a link over three words](https://example.com/plan)", "a link over three words", StringComparison.Ordinal), Flowing([page]));
        var link = Assert.Single(page.GetAnnotations(), a => a.Action is UriAction);
        Assert.Equal("https://example.com/plan", Assert.IsType<UriAction>(link.Action).Uri);
        Assert.Equal(["a", "link", "over", "three", "words"], page.GetWords().Where(w => Inside(w, link)).Select(w => w.Text));
    }

    [Fact]
    public void The_same_notes_render_wherever_they_appear_and_in_every_style()
    {
        // Converted Markdown is shared between uses, so each use must still draw on its own.
        const string notes = "Agree the **interview slots** with the [hiring manager](https://example.com/hm):\n\n- first call\n- panel";
        Document Notes(float size) => new Document(SampleDocuments.Metadata)
            .Content(c => c.Markdown(notes).Markdown(notes).Markdown(notes, new TextStyle { Size = size }));

        using var first = PdfDocument.Open(_renderer.Render(Notes(8)));
        using var second = PdfDocument.Open(_renderer.Render(Notes(12)));

        const string once = "Agree the interview slots with the hiring manager: first call panel";
        Assert.Equal(string.Join(" ", Enumerable.Repeat(once, 3)), Flowing(first));
        Assert.Equal(3, first.GetPage(1).GetAnnotations().Count(a => a.Action is UriAction));
        Assert.Equal([8.0, 10.0], SizesOf(first));
        Assert.Equal([10.0, 12.0], SizesOf(second));

        static IEnumerable<double> SizesOf(PdfDocument pdf) =>
            pdf.GetPage(1).Letters.Where(l => l.Value == "A").Select(l => Math.Round(l.PointSize)).Distinct().Order();
    }

    [Fact]
    public void Contents_page_numbers_match_where_the_headings_are()
    {
        using var pdf = PdfDocument.Open(_renderer.Render(SampleDocuments.PlanPack(tasks: 90)));

        var entries = LinesOf(pdf.GetPage(2)).Where(l => BodyHeadings.Any(l.StartsWith)).ToList();
        Assert.Equal(BodyHeadings.Length, entries.Count);
        foreach (var heading in BodyHeadings)
        {
            var entry = entries.Single(e => e.StartsWith(heading, StringComparison.Ordinal) && !e[heading.Length..].Trim().Contains(' '));
            var listed = int.Parse(entry[heading.Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
            var actual = pdf.GetPages().Skip(2).First(p => LinesOf(p).Contains(heading)).Number;
            Assert.Equal(actual, listed);
        }
    }

    [Fact]
    public void Headings_become_nested_bookmarks_pointing_at_their_pages()
    {
        using var pdf = PdfDocument.Open(_renderer.Render(SampleDocuments.PlanPack(tasks: 90)));

        Assert.True(pdf.TryGetBookmarks(out var bookmarks));
        var nodes = bookmarks.GetNodes().Cast<DocumentBookmarkNode>().ToList();
        Assert.Equal(new[] { "Contents" }.Concat(BodyHeadings).Order(), nodes.Select(n => n.Title).Order());
        Assert.Equal(["Contents", "Shared purpose", "Stakeholders", "Timeline", "The 30/60/90 plan"], bookmarks.Roots.Select(r => r.Title));
        Assert.Equal(SampleDocuments.Phases, bookmarks.Roots[^1].Children.Select(c => c.Title));
        foreach (var node in nodes.Where(n => n.Title != "Contents"))
        {
            Assert.Contains(node.Title, LinesOf(pdf.GetPage(node.PageNumber)));
        }
    }

    [Fact]
    public void Contents_entries_link_to_their_headings()
    {
        using var pdf = PdfDocument.Open(_renderer.Render(SampleDocuments.PlanPack(tasks: 90)));

        var links = pdf.GetPage(2).GetAnnotations().Where(a => a.Type == AnnotationType.Link).ToList();
        Assert.Equal(BodyHeadings.Length, links.Count);
        foreach (var link in links)
        {
            var target = Assert.IsType<GoToAction>(link.Action).Destination.PageNumber;
            var title = LinesOf(pdf.GetPage(2)).Single(l => InRectangle(pdf.GetPage(2), l, link));
            Assert.Contains(BodyHeadings.Single(h => title.StartsWith(h, StringComparison.Ordinal) && !title[h.Length..].Trim().Contains(' ')), LinesOf(pdf.GetPage(target)));
        }
    }

    [Fact]
    public void External_links_keep_their_url_and_unsafe_ones_are_dropped()
    {
        var document = new Document(SampleDocuments.Metadata)
            .Content(c => c.Markdown("See [the plan](https://example.com/plan) and [this](javascript:alert(1)) or <vbscript:x>."));

        using var pdf = PdfDocument.Open(_renderer.Render(document));

        var uris = pdf.GetPage(1).GetAnnotations().Select(a => a.Action).OfType<UriAction>().Select(a => a.Uri).ToList();
        Assert.Equal(["https://example.com/plan"], uris);
        Assert.Contains("See the plan and this or vbscript:x.", TextOf(pdf.GetPage(1)));
    }

    [Fact]
    public void No_glyph_leaves_the_margins_of_a_long_document()
    {
        var document = LongDocument();

        using var pdf = PdfDocument.Open(_renderer.Render(document));

        var margins = document.Page.Margins;
        Assert.True(pdf.NumberOfPages > 8);
        foreach (var page in pdf.GetPages())
        {
            foreach (var letter in page.Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value)))
            {
                var box = letter.BoundingBox;
                var where = $"'{letter.Value}' on page {page.Number} at {box}";
                Assert.True(box.Left >= margins.Left - 0.5, where);
                Assert.True(box.Right <= page.Width - margins.Right + 0.5, where);
                Assert.True(box.Bottom >= margins.Bottom - 0.5, where);
                Assert.True(box.Top <= page.Height - margins.Top + 0.5, where);
            }
        }
    }

    [Fact]
    public void A_long_table_repeats_its_header_on_every_page()
    {
        using var pdf = PdfDocument.Open(_renderer.Render(LongDocument()));

        var tablePages = pdf.GetPages().Where(p => LinesOf(p).Any(l => l.StartsWith("Row ", StringComparison.Ordinal))).ToList();
        Assert.True(tablePages.Count > 3);
        foreach (var page in tablePages)
        {
            var lines = LinesOf(page);
            var header = lines.FindIndex(l => l.StartsWith("Task Notes Owner", StringComparison.Ordinal));
            var firstRow = lines.FindIndex(l => l.StartsWith("Row ", StringComparison.Ordinal));
            Assert.InRange(header, 0, firstRow);
        }
    }

    [Fact]
    public void A_row_taller_than_the_rest_of_the_page_moves_whole_or_splits_as_asked()
    {
        Document Build(RowSplit mode) => new Document(SampleDocuments.Metadata).Content(c => c
            .Spacer(600)
            .Table(t => t.RelativeColumn().RelativeColumn()
                .Header("Task", "Notes")
                .Row("Short", string.Join(" ", Enumerable.Range(1, 12).Select(i => $"line{i} of a fairly long note that wraps")))
                .RowSplitting(mode)));

        using var moved = PdfDocument.Open(_renderer.Render(Build(RowSplit.MoveWhole)));
        using var split = PdfDocument.Open(_renderer.Render(Build(RowSplit.Split)));

        Assert.DoesNotContain("line1 ", TextOf(moved.GetPage(1)));
        Assert.Contains("line12", TextOf(moved.GetPage(2)));
        Assert.Contains("line1 ", TextOf(split.GetPage(1)));
        Assert.Contains("line12", TextOf(split.GetPage(2)));
        Assert.StartsWith("Task Notes", LinesOf(split.GetPage(2))[0]);
    }

    [Fact]
    public void Keep_together_moves_a_block_to_the_next_page_instead_of_splitting_it()
    {
        var document = new Document(SampleDocuments.Metadata).Content(c => c
            .Spacer(640)
            .KeepTogether(k =>
            {
                for (var i = 1; i <= 8; i++)
                {
                    k.Paragraph($"Kept line {i}");
                }
            }));

        using var pdf = PdfDocument.Open(_renderer.Render(document));

        Assert.Equal(2, pdf.NumberOfPages);
        Assert.DoesNotContain("Kept", TextOf(pdf.GetPage(1)));
        Assert.Contains("Kept line 1", TextOf(pdf.GetPage(2)));
        Assert.Contains("Kept line 8", TextOf(pdf.GetPage(2)));
    }

    [Fact]
    public void Keep_with_next_moves_an_introduction_to_the_page_of_the_table_it_introduces()
    {
        Document Build(bool keep) => new Document(SampleDocuments.Metadata).Content(c =>
        {
            c.Spacer(655);
            void Introduction(Column k) => k.Heading("People").Paragraph("Everyone in the engagement.");
            if (keep)
            {
                c.KeepWithNext(Introduction);
            }
            else
            {
                Introduction(c);
            }

            c.Table(t => t.RelativeColumn().RelativeColumn().Header("Name", "Role").Row("Alex", "Account leader"));
        });

        using var kept = PdfDocument.Open(_renderer.Render(Build(keep: true)));
        using var apart = PdfDocument.Open(_renderer.Render(Build(keep: false)));

        Assert.Equal(["People", "Everyone in the engagement.", "Name Role", "Alex Account leader"], LinesOf(kept.GetPage(2)));
        Assert.Equal(["People", "Everyone in the engagement."], LinesOf(apart.GetPage(1)));
    }

    [Fact]
    public void Without_keep_together_the_same_lines_flow_across_the_page_end()
    {
        var document = new Document(SampleDocuments.Metadata).Content(c =>
        {
            c.Spacer(640);
            for (var i = 1; i <= 8; i++)
            {
                c.Paragraph($"Flowing line {i}");
            }
        });

        using var pdf = PdfDocument.Open(_renderer.Render(document));

        Assert.Contains("Flowing line 1", TextOf(pdf.GetPage(1)));
        Assert.Contains("Flowing line 8", TextOf(pdf.GetPage(2)));
    }

    [Fact]
    public void A_page_break_starts_a_new_page_and_a_trailing_one_adds_no_blank_page()
    {
        var document = new Document(SampleDocuments.Metadata).Content(c => c
            .Paragraph("Before").PageBreak().PageBreak().Paragraph("After").PageBreak());

        using var pdf = PdfDocument.Open(_renderer.Render(document));

        Assert.Equal(2, pdf.NumberOfPages);
        Assert.Contains("Before", TextOf(pdf.GetPage(1)));
        Assert.Contains("After", TextOf(pdf.GetPage(2)));
    }

    [Fact]
    public void A_heading_is_never_left_alone_at_the_foot_of_a_page()
    {
        var document = new Document(SampleDocuments.Metadata).Content(c => c
            .Spacer(700)
            .Heading("Lonely heading")
            .Paragraph(string.Join(" ", Enumerable.Repeat("Body text that follows the heading.", 12))));

        using var pdf = PdfDocument.Open(_renderer.Render(document));

        Assert.DoesNotContain("Lonely", TextOf(pdf.GetPage(1)));
        Assert.Equal("Lonely heading", LinesOf(pdf.GetPage(2))[0]);
    }

    [Fact]
    public void Same_input_gives_the_same_bytes()
    {
        var first = _renderer.Render(LongDocument());
        var second = _renderer.Render(LongDocument());

        Assert.Equal(first, second);
    }

    [Fact]
    public void Documents_rendered_in_parallel_match_those_rendered_alone()
    {
        var documents = new[] { SampleDocuments.PlanPack(90), LongDocument(), SampleDocuments.PlanPack(12, today: null) };
        var alone = documents.Select(_renderer.Render).ToList();

        var together = new byte[documents.Length * 4][];
        Parallel.For(0, together.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => together[i] = _renderer.Render(documents[i % documents.Length]));

        for (var i = 0; i < together.Length; i++)
        {
            Assert.Equal(alone[i % documents.Length], together[i]);
        }
    }

    [Fact]
    public void A_font_family_that_is_not_installed_fails_at_construction_with_a_clear_message()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new PdfRenderer(new PdfOptions { FontFamily = "No Such Font Family" }));

        Assert.Equal("font family 'No Such Font Family' is not installed; install it or set Pdf__FontFamily", error.Message);
    }

    [Fact]
    public void Characters_missing_from_the_family_fall_back_to_an_installed_font()
    {
        // Tifinagh is in DejaVu Sans but not in DejaVu Serif (both from fonts-dejavu-core).
        using var serif = new PdfRenderer(new PdfOptions { FontFamily = "DejaVu Serif" });
        var document = new Document(SampleDocuments.Metadata).Content(c => c.Paragraph("Hello ⴰⵣⵓⵍ Ñandú"));

        using var pdf = PdfDocument.Open(serif.Render(document));

        var letters = pdf.GetPage(1).Letters;
        Assert.Contains("Hello ⴰⵣⵓⵍ Ñandú", TextOf(pdf.GetPage(1)));
        Assert.All(letters.Where(l => l.Value == "ⴰ"), l => Assert.Contains("DejaVuSans", l.FontName));
        Assert.All(letters.Where(l => l.Value == "H"), l => Assert.Contains("DejaVuSerif", l.FontName));
    }

    internal static Document LongDocument()
    {
        const string url = "https://example.com/engagements/acme/tasks/0123456789abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz/history?with=everything";
        var longWord = string.Concat(Enumerable.Repeat("Supercalifragilistic", 12));
        return new Document(SampleDocuments.Metadata)
            .Footer((c, page) => c.Paragraph($"Page {page.Number} of {page.Total}"))
            .Content(c =>
            {
                c.Heading("Notes");
                for (var i = 0; i < 6; i++)
                {
                    c.Markdown($"Paragraph {i} with a link {url} and a long word {longWord} and *emphasis* that wraps across several lines of text.");
                }

                c.Heading("Tasks").Table(t =>
                {
                    t.RelativeColumn(2).RelativeColumn(3).FixedColumn(60).FixedColumn(40).Header("Task", "Notes", "Owner", "Due").RowSplitting(RowSplit.Split);
                    for (var i = 1; i <= 300; i++)
                    {
                        t.Row($"Row {i} task", i % 25 == 0 ? $"{url} {longWord}" : "Short note", "TA lead", $"D{i}");
                    }
                });
            });
    }

    private static bool Inside(Word word, Annotation link) =>
        word.BoundingBox.Centroid is var c
        && c.X >= link.Rectangle.Left && c.X <= link.Rectangle.Right
        && c.Y >= link.Rectangle.Bottom && c.Y <= link.Rectangle.Top;

    private static bool InRectangle(Page page, string line, Annotation link) =>
        page.GetWords()
            .Where(w => w.BoundingBox.Centroid is var c
                && c.X >= link.Rectangle.Left && c.X <= link.Rectangle.Right
                && c.Y >= link.Rectangle.Bottom && c.Y <= link.Rectangle.Top)
            .Select(w => w.Text)
            .SequenceEqual(line.Split(' '));
}
