using Onboarding.Core.Documents;
using Onboarding.Core.Documents.PlanPack;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Tokens;

namespace Onboarding.Tests.Unit.Documents;

/// <summary>The PDFs are tagged: their structure tree, read back from the bytes, is what a screen reader walks.</summary>
public class TaggedPdfTests(RendererFixture fixture) : IClassFixture<RendererFixture>
{
    private static readonly string[] Sections =
    [
        "Business outcomes", "Stakeholders", "Communication plan", "Glossary", "Timeline", "The 30/60/90 plan",
    ];

    private readonly PdfRenderer _renderer = fixture.Renderer;

    [Fact]
    public void The_pack_declares_itself_tagged_in_its_language_with_its_title_shown()
    {
        using var pdf = PdfDocument.Open(_renderer.Render(PackComposer.Pack(PackModels.Demo())));
        var structure = new PdfStructure(pdf);

        var markInfo = structure.Resolve<DictionaryToken>(structure.Catalog.Data["MarkInfo"]);
        Assert.Equal(BooleanToken.True, markInfo.Data["Marked"]);
        Assert.Equal("en", ((StringToken)structure.Catalog.Data["Lang"]).Data);
        var preferences = structure.Resolve<DictionaryToken>(structure.Catalog.Data["ViewerPreferences"]);
        Assert.Equal(BooleanToken.True, preferences.Data["DisplayDocTitle"]);
        Assert.Equal("Document", structure.Root?.Role);
    }

    [Fact]
    public void The_packs_sections_are_H1_elements_in_order_with_their_titles_as_text()
    {
        using var pdf = PdfDocument.Open(_renderer.Render(PackComposer.Pack(PackModels.Demo())));
        var structure = new PdfStructure(pdf);

        var headings = structure.Root!.DescendantsAndSelf().Where(e => e.Role is "H1" or "H2" or "H3").ToList();
        var h1 = headings.Where(h => h.Role == "H1").Select(h => Squeeze(h.Text(structure))).ToList();
        var positions = Sections.Select(s => h1.IndexOf(Squeeze(s))).ToList();

        Assert.DoesNotContain(-1, positions);
        Assert.Equal(positions.Order(), positions);
        Assert.Contains(headings, h => h.Role == "H2");
        Assert.Contains(headings, h => h.Role == "H3");
    }

    [Fact]
    public void Table_headers_are_TH_cells_scoped_to_their_column_and_repeat_on_later_pages_only_as_artifacts()
    {
        var pack = PackModels.Large(300);
        using var pdf = PdfDocument.Open(_renderer.Render(PackComposer.Pack(pack)));
        var structure = new PdfStructure(pdf);

        var tables = structure.Root!.DescendantsAndSelf().Where(e => e.Role == "Table").ToList();
        var grids = tables.Where(t => t.Kids[0].Kids.All(c => c.Role == "TH" && ScopeOf(c) == "Column")).ToList();
        Assert.NotEmpty(grids);
        foreach (var grid in grids)
        {
            Assert.All(grid.Kids, row => Assert.Equal("TR", row.Role));
            Assert.All(grid.Kids.Skip(1).SelectMany(r => r.Kids), cell => Assert.Equal("TD", cell.Role));
        }

        // The glossary of 60 terms runs over pages; its header's text is drawn again there, as an artifact.
        var header = Squeeze(string.Concat(PackContent.GlossaryColumns));
        var glossary = grids.First(t => Squeeze(t.Kids[0].Text(structure)) == header);
        var pages = glossary.DescendantsAndSelf().SelectMany(e => e.Content).Select(c => c.Page).Distinct().ToList();
        Assert.True(pages.Count > 1, "the glossary should run over more than one page");
        foreach (var page in pages.Skip(1))
        {
            var artifacts = string.Concat(structure.MarkedContent(page).Where(m => m.IsArtifact).SelectMany(m => m.Letters).Select(l => l.Value));
            Assert.Contains(header, Squeeze(artifacts));
        }
    }

    [Fact]
    public void Every_page_draws_its_footer_last_and_its_header_and_footer_as_artifacts()
    {
        using var pdf = PdfDocument.Open(_renderer.Render(PackComposer.Pack(PackModels.Demo())));
        var structure = new PdfStructure(pdf);

        for (var page = 2; page <= pdf.NumberOfPages; page++)
        {
            var marked = structure.MarkedContent(page);
            var footer = marked[^1];
            Assert.True(footer.IsArtifact, $"page {page} ends with content that is not an artifact");
            Assert.Contains($"Page{page}of{pdf.NumberOfPages}", Squeeze(string.Concat(footer.Letters.Select(l => l.Value))));
            Assert.True(marked[0].IsArtifact, $"page {page} starts with content that is not its header");
            Assert.Contains(marked, m => !m.IsArtifact);
        }
    }

    [Fact]
    public void The_timeline_is_a_figure_whose_alternative_text_names_its_phases_and_milestones()
    {
        var pack = PackModels.Demo();
        var chart = PackContent.Chart(pack.InClientWords());
        using var pdf = PdfDocument.Open(_renderer.Render(PackComposer.Pack(pack)));
        var structure = new PdfStructure(pdf);

        var figure = Assert.Single(structure.Root!.DescendantsAndSelf(), e => e.Role == "Figure");
        Assert.NotEmpty(figure.Content);
        Assert.All(chart.Phases, p => Assert.Contains($"{p.Title}, days {p.StartDay}–{p.EndDay}", figure.Alt));
        Assert.All(chart.Milestones, m => Assert.Contains($"{m.Label}, day {m.Day}", figure.Alt));
    }

    [Fact]
    public void The_structure_tree_reads_headings_paragraphs_lists_and_tables_in_the_order_composed()
    {
        var document = new Document(new DocumentMetadata("Order", "Tests", "Reading order", PackModels.Now, "en-GB"))
            .Content(c => c
                .Heading("First")
                .Paragraph("Opening words.")
                .BulletList(l => l.Item("Apples").Item("Pears"))
                .Heading("Second", 2)
                .Table(t => t.RelativeColumn().RelativeColumn().Header("Name", "Role").Row("Ada", "Lead"))
                .NumberedList(l => l.Item("Last")))
            .Footer((c, page) => c.Paragraph($"Footer {page.Number}"));

        using var pdf = PdfDocument.Open(_renderer.Render(document));
        var structure = new PdfStructure(pdf);
        var root = structure.Root!;

        Assert.Equal(["H1", "P", "L", "H2", "Table", "L"], root.Kids.Select(k => k.Role));
        Assert.Equal(
            ["First", "Openingwords.", "Apples", "Pears", "Second", "Name", "Role", "Ada", "Lead", "1.", "Last"],
            root.DescendantsAndSelf().Where(e => e.Content.Count > 0).Select(e => Squeeze(e.Text(structure))).Where(t => t.Length > 0));
        var bullets = root.Kids[2];
        Assert.All(bullets.Kids, item => Assert.Equal(["Lbl", "LBody"], item.Kids.Select(k => k.Role)));
        Assert.Equal(["TR", "TR"], root.Kids[4].Kids.Select(k => k.Role));
        Assert.Equal(["TH", "TH"], root.Kids[4].Kids[0].Kids.Select(k => k.Role));
        Assert.Equal("en-GB", ((StringToken)structure.Catalog.Data["Lang"]).Data);
        Assert.DoesNotContain("Footer", root.Text(structure), StringComparison.Ordinal);
    }

    [Fact]
    public void A_recruiters_personal_plan_is_tagged_with_headings()
    {
        var pack = PackModels.Demo();
        var recruiter = pack.Members.First(m => m.Role == Core.Engagements.EngagementRole.Recruiter);
        using var pdf = PdfDocument.Open(_renderer.Render(PackComposer.Personal(pack, recruiter)));
        var structure = new PdfStructure(pdf);

        Assert.Contains(structure.Root!.DescendantsAndSelf(), e => e.Role == "H1" && e.Text(structure).Length > 0);
    }

    private static string Squeeze(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    private static string? ScopeOf(StructElement cell) =>
        cell.Attributes is { } attributes && attributes.Data.TryGetValue("Scope", out var scope) ? ((NameToken)scope).Data : null;
}
