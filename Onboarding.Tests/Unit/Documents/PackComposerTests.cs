using System.Net;
using Onboarding.Core.Documents;
using Onboarding.Core.Documents.PlanPack;
using Onboarding.Core.Engagements;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Outline;
using static Onboarding.Tests.Unit.Documents.PdfText;

namespace Onboarding.Tests.Unit.Documents;

/// <summary>The plan pack and the personal plan, rendered for real and read back with PdfPig.</summary>
public class PackComposerTests(RendererFixture fixture) : IClassFixture<RendererFixture>
{
    private static readonly string[] Sections =
    [
        "Business outcomes", "Stakeholders", "Responsibilities by phase", "Communication plan", "Digest cadence",
        "Who gets what, when", "Glossary", "Timeline", "The 30/60/90 plan",
    ];

    private static readonly string[] ClosingSections = ["Metrics and targets", "Wins so far"];

    private readonly PdfRenderer _renderer = fixture.Renderer;

    [Fact]
    public void The_demo_pack_has_every_section_and_every_task_in_order_on_a_sensible_number_of_pages()
    {
        var pack = PackModels.Demo();

        using var pdf = PdfDocument.Open(_renderer.Render(PackComposer.Pack(pack)));

        AssertSectionsAndTasksInOrder(pdf, pack.InClientWords());
        Assert.InRange(pdf.NumberOfPages, 15, 60);
    }

    [Fact]
    public void A_300_task_pack_has_every_section_and_every_task_in_order()
    {
        var pack = PackModels.Large(300);

        using var pdf = PdfDocument.Open(_renderer.Render(PackComposer.Pack(pack)));

        AssertSectionsAndTasksInOrder(pdf, pack.InClientWords());
        Assert.InRange(pdf.NumberOfPages, 300 / 10, 300 / 2);
    }

    [Fact]
    public void The_pack_reads_in_the_clients_words_and_a_recruiters_own_plan_as_written()
    {
        var engagement = PackModels.DemoEngagement();
        engagement.Glossary.Add(new GlossaryTerm { ClientTerm = "Launch meeting", ProviderTerm = "Kickoff meeting", Definition = "The first meeting of everyone in the engagement." });
        var pack = PackModel.From(engagement, PackModels.Now);
        var recruiter = pack.Members.First(m => m.Role == EngagementRole.Recruiter);
        var manager = pack.Members.First(m => m.Role == EngagementRole.HiringManager);

        using var pdf = PdfDocument.Open(_renderer.Render(PackComposer.Pack(pack)));
        var packText = string.Join("\n", pdf.GetPages().Select(TextOf));
        var html = WebUtility.HtmlDecode(PackHtml.Render(pack, []));

        Assert.Contains("Hold the launch meeting", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Hold the launch meeting", packText, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Hold the kickoff meeting", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(pack.InWordsOf(manager).Tasks, t => t.Title.Equals("Hold the launch meeting", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(pack.InWordsOf(recruiter).Tasks, t => t.Title == "Hold the kickoff meeting");
    }

    [Fact]
    public void The_cover_names_client_provider_dates_and_purpose_and_the_contents_come_next()
    {
        using var pdf = PdfDocument.Open(_renderer.Render(PackComposer.Pack(PackModels.Demo())));

        var cover = TextOf(pdf.GetPage(1));
        foreach (var expected in new[] { "Acme Robotics", "Northstar Talent", "Kickoff 12 Nov 2026", "Go-live 10 Dec 2026", "Shared purpose", "50 customer sites" })
        {
            Assert.Contains(expected, cover);
        }

        Assert.Equal("Contents", LinesOf(pdf.GetPage(2))[1]);
        Assert.Contains(LinesOf(pdf.GetPage(2)), l => l.StartsWith("Business outcomes", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_page_of_the_pack_and_of_a_personal_plan_says_page_x_of_y_in_its_footer()
    {
        var pack = PackModels.Demo();
        var riya = pack.MemberByEmail("riya.shah@northstar.example")!;

        foreach (var document in new[] { PackComposer.Pack(pack), PackComposer.Personal(pack, riya) })
        {
            using var pdf = PdfDocument.Open(_renderer.Render(document));
            foreach (var page in pdf.GetPages())
            {
                Assert.EndsWith($"Page {page.Number} of {pdf.NumberOfPages}", LinesOf(page)[^1]);
            }
        }
    }

    [Fact]
    public void Metadata_names_the_pack_its_provider_and_when_it_was_made()
    {
        var pack = PackModels.Demo();
        var riya = pack.MemberByEmail("riya.shah@northstar.example")!;

        using var full = PdfDocument.Open(_renderer.Render(PackComposer.Pack(pack)));
        using var personal = PdfDocument.Open(_renderer.Render(PackComposer.Personal(pack, riya)));

        Assert.Equal("Acme Robotics RPO launch: plan pack", full.Information.Title);
        Assert.Equal("Northstar Talent", full.Information.Author);
        Assert.Equal("The first 90 days of Acme Robotics with Northstar Talent: purpose, people, communication and plan", full.Information.Subject);
        Assert.Equal(PackModels.Now, full.Information.GetCreatedDateTimeOffset());
        Assert.Equal("Acme Robotics RPO launch: onboarding plan for Riya Shah", personal.Information.Title);
        Assert.Equal("Northstar Talent", personal.Information.Author);
    }

    [Fact]
    public void Every_font_is_embedded()
    {
        var bytes = _renderer.Render(PackComposer.Pack(PackModels.Demo()));
        using var pdf = PdfDocument.Open(bytes);

        var descriptors = Objects(bytes).Where(o => o.Contains("/Type /FontDescriptor", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(descriptors);
        Assert.All(descriptors, d => Assert.Contains("/FontFile2", d));
        Assert.All(pdf.GetPages().SelectMany(p => p.Letters), l => Assert.Contains("DejaVuSans", l.FontName));
    }

    [Fact]
    public void No_glyph_leaves_the_page_margins_on_a_300_task_plan()
    {
        var document = PackComposer.Pack(PackModels.Large(300));

        using var pdf = PdfDocument.Open(_renderer.Render(document));

        var margins = document.Page.Margins;
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
    public void A_glossary_running_over_several_pages_repeats_its_header_on_each()
    {
        using var pdf = PdfDocument.Open(_renderer.Render(PackComposer.Pack(PackModels.Large(30))));

        var glossaryPages = pdf.GetPages().Where(p => LinesOf(p).Any(IsGlossaryRow)).ToList();
        Assert.True(glossaryPages.Count >= 3, $"the glossary fills {glossaryPages.Count} page(s)");
        foreach (var page in glossaryPages)
        {
            var lines = LinesOf(page);
            var header = lines.FindIndex(l => l == "Client term Provider term Meaning");
            Assert.InRange(header, 0, lines.FindIndex(IsGlossaryRow) - 1);
        }

        static bool IsGlossaryRow(string line) => line.StartsWith("Term ", StringComparison.Ordinal);
    }

    [Fact]
    public void A_name_with_accents_and_strokes_comes_back_as_written()
    {
        var pack = PackModels.Demo();
        var person = pack.MemberByEmail("hm@acme.example")!;

        using var full = PdfDocument.Open(_renderer.Render(PackComposer.Pack(pack)));
        using var personal = PdfDocument.Open(_renderer.Render(PackComposer.Personal(pack, person)));

        Assert.Contains(PackModels.UnusualName, Flowing(full));
        Assert.Contains(PackModels.UnusualName, LinesOf(personal.GetPage(1)));
        Assert.All(personal.GetPages().Skip(1), p => Assert.Equal($"Acme Robotics · {PackModels.UnusualName} Northstar Talent", LinesOf(p)[0]));
        Assert.Equal($"Acme Robotics RPO launch: onboarding plan for {PackModels.UnusualName}", personal.Information.Title);
    }

    [Fact]
    public void A_personal_plan_has_the_members_own_tasks_in_order_the_people_to_meet_and_the_glossary()
    {
        var pack = PackModels.Demo();
        var riya = pack.MemberByEmail("riya.shah@northstar.example")!;
        var own = pack.TasksOf(riya);
        var others = pack.Tasks.Except(own).Select(t => t.Title).Where(t => own.All(o => !o.Title.Contains(t, StringComparison.Ordinal))).ToList();

        using var pdf = PdfDocument.Open(_renderer.Render(PackComposer.Personal(pack, riya)));
        using var full = PdfDocument.Open(_renderer.Render(PackComposer.Pack(pack)));

        var text = Flowing(pdf.GetPages().Skip(2));
        Assert.NotEmpty(own);
        Assert.DoesNotContain(-1, PositionsInOrder(text, ["Your tasks", .. PackContent.Phases(own).SelectMany(p => p.Tasks).Select(t => t.Title), "People to meet", "Glossary"]));
        Assert.All(others, title => Assert.DoesNotContain(title, text));
        foreach (var person in pack.Members.Where(m => m != riya))
        {
            Assert.Contains(person.Email, text);
        }

        Assert.DoesNotContain("riya.shah@northstar.example", text);
        Assert.Contains("Requisition", text);
        Assert.InRange(pdf.NumberOfPages, 4, full.NumberOfPages / 2);
    }

    [Fact]
    public void Bookmarks_follow_the_sections_with_phases_under_the_plan()
    {
        var pack = PackModels.Demo();

        using var pdf = PdfDocument.Open(_renderer.Render(PackComposer.Pack(pack)));

        Assert.True(pdf.TryGetBookmarks(out var bookmarks));
        Assert.Equal(
            ["Shared purpose", "Contents", "Business outcomes", "Stakeholders", "Communication plan", "Glossary", "Timeline", "The 30/60/90 plan", .. ClosingSections],
            bookmarks.Roots.Select(r => r.Title));
        var plan = bookmarks.Roots.Single(r => r.Title == "The 30/60/90 plan");
        Assert.Equal(PackContent.Phases(pack.Tasks).Select(p => p.Title), plan.Children.Select(c => c.Title));
        Assert.Equal(pack.Tasks.Count, plan.Children.Sum(c => c.Children.Count));
        foreach (var phase in plan.Children.Cast<DocumentBookmarkNode>())
        {
            Assert.Contains(phase.Title, LinesOf(pdf.GetPage(phase.PageNumber)));
        }
    }

    [Fact]
    public void An_engagement_with_nothing_recorded_yet_says_so_in_each_section()
    {
        var engagement = PackModels.LargeEngagement(tasks: 0, terms: 0);
        engagement.Outcomes.Clear();
        engagement.Metrics.Clear();
        var pack = PackModel.From(engagement, PackModels.Now);

        using var pdf = PdfDocument.Open(_renderer.Render(PackComposer.Pack(pack)));

        var text = Flowing(pdf);
        Assert.DoesNotContain(-1, PositionsInOrder(text, [
            PackContent.NoOutcomes, PackContent.NoTasks, PackContent.NoTerms, PackContent.NoTasks, PackContent.NoMetrics, PackContent.NoWins,
        ]));
    }

    [Fact]
    public void The_same_model_gives_the_same_bytes_alone_or_rendered_in_parallel()
    {
        var pack = PackModels.Demo();
        var alone = _renderer.Render(PackComposer.Pack(pack));

        var together = new byte[4][];
        Parallel.For(0, together.Length, i => together[i] = _renderer.Render(PackComposer.Pack(pack)));

        Assert.All(together, bytes => Assert.Equal(alone, bytes));
    }

    private static void AssertSectionsAndTasksInOrder(PdfDocument pdf, PackModel pack)
    {
        // After the cover and the contents page, which name the sections too.
        var text = Flowing(pdf.GetPages().Skip(2));
        var phases = PackContent.Phases(pack.Tasks);
        var sections = PositionsInOrder(text, [.. Sections, .. phases.Select(p => p.Title), .. ClosingSections]);
        Assert.DoesNotContain(-1, sections);

        var planStart = sections[Sections.Length - 1];
        var tasks = PositionsInOrder(text, phases.SelectMany(p => p.Tasks).Select(t => t.Title), planStart);
        var missing = phases.SelectMany(p => p.Tasks).Where((_, i) => tasks[i] < 0).Select(t => t.Title).FirstOrDefault();
        Assert.True(missing is null, $"task '{missing}' is missing or out of order");
        Assert.True(tasks[^1] < sections[^2], "a task comes after the metrics");
    }
}
