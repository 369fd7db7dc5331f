using System.Diagnostics;
using System.Globalization;
using Onboarding.Core.Documents;

// Render time and peak memory of plan-pack-shaped documents.
// Usage: dotnet run -c Release --project bench/DocumentBench [tasks...]   (default: 90 1000)
var sizes = args.Length > 0 ? args.Select(int.Parse).ToArray() : [90, 1000];
using var renderer = new PdfRenderer(new PdfOptions());
renderer.Render(Pack(90));

foreach (var tasks in sizes)
{
    var document = Pack(tasks);
    var times = new List<double>();
    var length = 0;
    for (var i = 0; i < 10; i++)
    {
        var stopwatch = Stopwatch.StartNew();
        length = renderer.Render(document).Length;
        times.Add(stopwatch.Elapsed.TotalMilliseconds);
    }

    times.Sort();
    Figure($"document_{tasks}_median", times[times.Count / 2], "ms");
    Figure($"document_{tasks}_best", times[0], "ms");
    Figure($"document_{tasks}_size", length / 1024, "KiB");
}

Figure("document_peak_working_set", Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024), "MiB");

static void Figure(string name, double value, string unit) =>
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: {value:0.0} {unit}"));

static Document Pack(int tasks) => new Document(new DocumentMetadata("Plan pack", "Northwind RPO", "First 90 days", new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero)))
    .Footer((c, page) => c.Paragraph($"Page {page.Number} of {page.Total}", DocumentTheme.Default.Small with { Align = TextAlign.Right }))
    .Content(c =>
    {
        c.Heading("Contents", inContents: false).TableOfContents().PageBreak();
        c.Heading("Timeline").Timeline(new TimelineChart(
            [new("Learn", 1, 30), new("Run together", 31, 60), new("Improve", 61, 90)],
            [new("Kickoff", 1), new("Mid-point review", 45), new("90-day review", 90)],
            Today: 20));
        c.Heading("Plan");
        for (var phase = 1; phase <= 3; phase++)
        {
            c.Heading($"Phase {phase}", 2).Table(t =>
            {
                t.RelativeColumn(3).RelativeColumn(4).FixedColumn(70).FixedColumn(50).Header("Task", "Why", "Owner", "Due");
                for (var i = 1; i <= tasks / 3; i++)
                {
                    t.Row(
                        x => x.Paragraph(q => q.Bold($"{phase}.{i} ").Text($"Agree the interview slots for role {i} with the hiring manager")),
                        x => x.Markdown($"So candidates for role {i} hear back within **48 hours**, which keeps *offer acceptance* high."),
                        x => x.Paragraph("Hiring manager"),
                        x => x.Paragraph($"Day {((phase - 1) * 30) + (i % 30) + 1}"));
                }
            });
        }
    });
