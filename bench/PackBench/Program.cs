using System.Diagnostics;
using System.Globalization;
using Microsoft.Playwright;
using Onboarding.Core.Documents;
using Onboarding.Core.Documents.PlanPack;
using Onboarding.Core.Templates;
using UglyToad.PdfPig;

// The plan pack PDF for the demo engagement (about 90 tasks) and for a 1,000-task plan; two packs
// in parallel against one after the other; and, side by side, the same engagement's HTML print
// view printed to PDF by headless Chromium. Prints one figure per line as "name: value unit".
// Usage: dotnet run -c Release --project bench/PackBench
const int WarmUp = 3;
const int Runs = 15;

var templates = TemplateCatalog.Load(Path.Combine(RepoRoot(), "templates"));
var demo = PackModel.From(BenchEngagements.Build(templates, recruiters: 1), BenchEngagements.Now);
// Thirty recruiters, each with their own onboarding plan: the starter templates' real texts, cut to 1,000 tasks.
var large = PackModel.From(BenchEngagements.Build(templates, recruiters: 30, maxTasks: 1000), BenchEngagements.Now);

// One renderer for the run, as the app keeps one.
using var renderer = new PdfRenderer(new PdfOptions());
byte[] Pack(PackModel model) => renderer.Render(PackComposer.Pack(model));

// The large pack first, so the peak working set is that of rendering it (plus the runtime and fonts).
var largePdf = Pack(large);
var largeTime = Median(() => Pack(large));
// Read before PdfPig counts the pages below, so the peak is the renders' alone.
Report("pack_1000_peak_working_set", Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024), "MiB");
Report("pack_1000_tasks", large.Tasks.Count, "tasks");
Report("pack_1000_pages", Pages(largePdf), "pages");
Report("pack_1000_median", largeTime, "ms");
Report("pack_1000_pages_per_second", Pages(largePdf) / (largeTime / 1000), "pages/s");
Report("pack_1000_size", largePdf.Length / 1024.0, "KiB");

var demoPdf = Pack(demo);
var demoTime = Median(() => Pack(demo));
Report("pack_demo_tasks", demo.Tasks.Count, "tasks");
Report("pack_demo_pages", Pages(demoPdf), "pages");
Report("pack_demo_median", demoTime, "ms");
Report("pack_demo_pages_per_second", Pages(demoPdf) / (demoTime / 1000), "pages/s");
Report("pack_demo_size", demoPdf.Length / 1024.0, "KiB");

// The demo engagement with every text field at its validation maximum, each one unbroken word
// (security review, issue 11 item 5: a 5,000-character name ran for 26 minutes). A new engagement
// for every render, so no shaped word or converted Markdown comes from the render before.
var seed = 0;
PackModel AtLimits() => PackModel.From(BenchEngagements.AtLimits(BenchEngagements.Build(templates, recruiters: 1), seed++), BenchEngagements.Now);
var limits = AtLimits();
var limitsPdf = Pack(limits);
var limitsTime = MedianOf(AtLimits, model => Pack(model));
var limitsPersonalTime = MedianOf(AtLimits, model => renderer.Render(PackComposer.Personal(model, model.Members.First(m => model.TasksOf(m).Count > 0))));
Report("pack_limits_characters", Characters(limits), "chars");
Report("pack_limits_pages", Pages(limitsPdf), "pages");
Report("pack_limits_median", limitsTime, "ms");
Report("pack_limits_personal_median", limitsPersonalTime, "ms");
Report("pack_limits_size", limitsPdf.Length / 1024.0, "KiB");
// After 37 renders of words no render saw before, each up to 8,000 characters: what the shaping cache keeps of them.
Report("pack_limits_working_set_after", Process.GetCurrentProcess().WorkingSet64 / (1024.0 * 1024), "MiB");

// Two different packs of the demo's size: the second is the demo engagement a week later.
var later = demo with { Today = demo.Today.AddDays(7), GeneratedAt = demo.GeneratedAt.AddDays(7) };
var expected = new[] { Pack(demo), Pack(later) };
var mismatches = 0;
var sequential = Median(() =>
{
    mismatches += Differences([Pack(demo), Pack(later)]);
});
var parallel = Median(() =>
{
    var both = new[] { Task.Run(() => Pack(demo)), Task.Run(() => Pack(later)) };
    Task.WaitAll(both);
    mismatches += Differences([both[0].Result, both[1].Result]);
});
Report("pack_two_sequential_median", sequential, "ms");
Report("pack_two_parallel_median", parallel, "ms");
Report("pack_parallel_speedup", sequential / parallel, "x");
Report("pack_parallel_mismatches", mismatches, "documents");

// Chromium prints the print view of the same demo engagement: one browser and one page kept warm.
var html = PackHtml.Render(demo, []);
using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = "/usr/bin/chromium", Args = ["--no-sandbox"] });
var page = await browser.NewPageAsync();
async Task<byte[]> Print()
{
    await page.SetContentAsync(html);
    return await page.PdfAsync(new() { Format = "A4", PrintBackground = true });
}

var chromiumPdf = await Print();
var chromiumTime = await MedianAsync(Print);
Report("chromium_demo_pages", Pages(chromiumPdf), "pages");
Report("chromium_demo_median", chromiumTime, "ms");
Report("chromium_demo_pages_per_second", Pages(chromiumPdf) / (chromiumTime / 1000), "pages/s");
Report("pack_demo_vs_chromium_speedup", chromiumTime / demoTime, "x");
return mismatches == 0 ? 0 : 1;

int Differences(byte[][] actual) => actual.Zip(expected).Count(p => !p.First.AsSpan().SequenceEqual(p.Second));

static double Median(Action action)
{
    for (var i = 0; i < WarmUp; i++)
    {
        action();
    }

    var times = new double[Runs];
    for (var i = 0; i < Runs; i++)
    {
        var started = Stopwatch.GetTimestamp();
        action();
        times[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }

    Array.Sort(times);
    return times[Runs / 2];
}

// Like Median, with a fresh input made before each run and outside its time.
static double MedianOf<T>(Func<T> make, Action<T> action)
{
    for (var i = 0; i < WarmUp; i++)
    {
        action(make());
    }

    var times = new double[Runs];
    for (var i = 0; i < Runs; i++)
    {
        var input = make();
        var started = Stopwatch.GetTimestamp();
        action(input);
        times[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }

    Array.Sort(times);
    return times[Runs / 2];
}

// Every character of text the pack is built from.
static long Characters(PackModel model) =>
    model.EngagementName.Length + model.ClientName.Length + model.ProviderName.Length + model.SharedPurpose.Length
    + model.Outcomes.Sum(o => (long)o.Title.Length + o.HowMeasured.Length)
    + model.Members.Sum(m => (long)m.Name.Length + m.Title.Length + m.Email.Length)
    + model.Tasks.Sum(t => (long)t.Title.Length + t.PhaseTitle.Length + t.What.Length + t.Why.Length)
    + model.Glossary.Sum(g => (long)g.ClientTerm.Length + g.ProviderTerm.Length + g.Definition.Length)
    + model.Metrics.Sum(m => (long)m.Name.Length + m.Unit.Length + m.HowMeasured.Length)
    + model.Milestones.Sum(m => (long)m.Title.Length)
    + model.Wins.Sum(w => (long)w.Title.Length + w.Body.Length);

static async Task<double> MedianAsync(Func<Task> action)
{
    for (var i = 0; i < WarmUp; i++)
    {
        await action();
    }

    var times = new double[Runs];
    for (var i = 0; i < Runs; i++)
    {
        var started = Stopwatch.GetTimestamp();
        await action();
        times[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }

    Array.Sort(times);
    return times[Runs / 2];
}

static int Pages(byte[] pdf)
{
    using var document = PdfDocument.Open(pdf);
    return document.NumberOfPages;
}

static void Report(string name, double value, string unit) =>
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: {value:0.###} {unit}"));

static string RepoRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "Onboarding.sln")))
        {
            return dir.FullName;
        }
    }

    throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} holds Onboarding.sln; run the bench from the repository.");
}
