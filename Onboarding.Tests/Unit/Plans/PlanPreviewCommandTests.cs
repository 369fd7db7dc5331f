using System.Text.Json;
using Onboarding.Core.Plans;
using Onboarding.Tests.Unit.Templates;

namespace Onboarding.Tests.Unit.Plans;

public sealed class PlanPreviewCommandTests : IDisposable
{
    private const string Sample = """
        ---
        key: preview-sample
        title: Preview sample
        version: 1
        audience: client
        days-count-from: kickoff
        ---
        ## Say "hello", then listen
        - key: hello
        - phase: days-1-30
        - start: 1
        - duration: 3
        - owner: ta-lead
        ### What
        Greet.
        ### Why
        Manners.
        ## Follow up
        - key: follow-up
        - phase: days-1-30
        - start: 2
        - duration: 1
        - owner: hiring-manager
        - depends on: hello
        ### What
        Follow.
        ### Why
        Continuity.
        """;

    private const string Warning = "starts 2 working days later than planned because 'Say \"hello\", then listen' is due on 2026-01-08";

    private readonly string directory = Directory.CreateTempSubdirectory("plan-preview-").FullName;
    private readonly string samplePath;
    private readonly StringWriter output = new();
    private readonly StringWriter error = new();

    public PlanPreviewCommandTests()
    {
        samplePath = Path.Combine(directory, "preview-sample.md");
        File.WriteAllText(samplePath, Sample);
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public void Csv_has_the_agreed_header_and_rfc_4180_quoting()
    {
        var exitCode = Run("--template", samplePath, "--start", "2026-01-05", "--holidays", "2026-01-06", "--format", "csv");

        Assert.Equal(0, exitCode);
        Assert.Equal(
            "key,title,phase,owner,start,due,depends,warning\r\n" +
            "hello,\"Say \"\"hello\"\", then listen\",days-1-30,ta-lead,2026-01-05,2026-01-08,,\r\n" +
            $"follow-up,Follow up,days-1-30,hiring-manager,2026-01-09,2026-01-09,hello,\"{Warning.Replace("\"", "\"\"", StringComparison.Ordinal)}\"\r\n",
            output.ToString());
        Assert.Empty(error.ToString());
    }

    [Fact]
    public void Table_aligns_columns_in_start_order()
    {
        var exitCode = Run("--template", samplePath, "--start", "2026-01-05", "--holidays", "2026-01-06");

        Assert.Equal(0, exitCode);
        Assert.Equal(
            [
                "key        title                     phase      owner           start       due         depends  warning",
                "hello      Say \"hello\", then listen  days-1-30  ta-lead         2026-01-05  2026-01-08",
                $"follow-up  Follow up                 days-1-30  hiring-manager  2026-01-09  2026-01-09  hello    {Warning}",
            ],
            output.ToString().ReplaceLineEndings("\n").TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void Json_is_an_array_of_tasks_with_iso_dates_and_null_warnings()
    {
        var exitCode = Run("--template", samplePath, "--start", "2026-01-05", "--holidays", "2026-01-06", "--format", "json");

        Assert.Equal(0, exitCode);
        var rows = JsonDocument.Parse(output.ToString()).RootElement.EnumerateArray().ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal(
            ("hello", "Say \"hello\", then listen", "days-1-30", "ta-lead", "2026-01-05", "2026-01-08", JsonValueKind.Null),
            (rows[0].GetProperty("key").GetString(), rows[0].GetProperty("title").GetString(), rows[0].GetProperty("phase").GetString(),
             rows[0].GetProperty("owner").GetString(), rows[0].GetProperty("start").GetString(), rows[0].GetProperty("due").GetString(),
             rows[0].GetProperty("warning").ValueKind));
        Assert.Equal(Warning, rows[1].GetProperty("warning").GetString());
        Assert.Equal(("", "hello"), (rows[0].GetProperty("depends").GetString(), rows[1].GetProperty("depends").GetString()));
    }

    [Fact]
    public void Several_templates_preview_together_with_plan_keys_and_depends_in_those_keys()
    {
        var exitCode = PlanPreviewCommand.Run(
            ["--template", "rpo-client-launch", "--template", "recruiter-onboarding", "--template", "first-time-buyer", "--start", "2026-01-05", "--go-live", "2026-02-09", "--format", "json"],
            RepoPaths.Templates, output, error);

        Assert.Equal(0, exitCode);
        Assert.Empty(error.ToString());
        var rows = JsonDocument.Parse(output.ToString()).RootElement.EnumerateArray()
            .ToDictionary(r => r.GetProperty("key").GetString()!, r => (Start: r.GetProperty("start").GetString(), Depends: r.GetProperty("depends").GetString()!.Split(';', StringSplitOptions.RemoveEmptyEntries)));
        Assert.All(rows.Values.SelectMany(r => r.Depends), d => Assert.Contains(d, rows.Keys));
        Assert.Contains("rpo-client-launch/grant-access", rows["recruiter-onboarding/tools-training"].Depends);
        Assert.Single(rows.Keys, k => k.EndsWith("/review-30", StringComparison.Ordinal));
        Assert.Equal("2026-02-09", rows["rpo-client-launch/go-live-readiness"].Start);
    }

    [Fact]
    public void Go_live_moves_the_tasks_that_count_from_it()
    {
        var early = PlanPreviewCommand.Run(["--template", "rpo-client-launch", "--start", "2026-01-05", "--go-live", "2026-02-09", "--format", "json"], RepoPaths.Templates, output, error);
        var earlyRows = JsonDocument.Parse(output.ToString()).RootElement.EnumerateArray().ToList();
        output.GetStringBuilder().Clear();
        var late = PlanPreviewCommand.Run(["--template", "rpo-client-launch", "--start", "2026-01-05", "--go-live", "2026-02-23", "--format", "json"], RepoPaths.Templates, output, error);
        var lateRows = JsonDocument.Parse(output.ToString()).RootElement.EnumerateArray().ToList();

        Assert.Equal((0, 0), (early, late));
        string Start(List<JsonElement> rows, string key) => rows.Single(r => r.GetProperty("key").GetString() == key).GetProperty("start").GetString()!;
        Assert.Equal(("2026-02-09", "2026-02-23"), (Start(earlyRows, "go-live-readiness"), Start(lateRows, "go-live-readiness")));
        Assert.Equal(Start(earlyRows, "review-30"), Start(lateRows, "review-30"));
    }

    [Fact]
    public void Working_days_change_the_dates()
    {
        var exitCode = Run("--template", samplePath, "--start", "2026-01-02", "--working-days", "Sun,Mon,Tue,Wed,Thu", "--format", "csv");

        Assert.Equal(0, exitCode);
        // Friday the 2nd is not worked: day 1 is Sunday the 4th, and "hello" runs Sunday to Tuesday.
        Assert.Contains("\r\nhello,\"Say \"\"hello\"\", then listen\",days-1-30,ta-lead,2026-01-04,2026-01-06,,\r\n", output.ToString());
    }

    [Fact]
    public void A_starter_template_found_by_key_previews_every_task_in_start_order()
    {
        var exitCode = PlanPreviewCommand.Run(["--template", "rpo-client-launch", "--start", "2026-01-05", "--format", "csv"], RepoPaths.Templates, output, error);

        Assert.Equal(0, exitCode);
        var rows = output.ToString().Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
        // 35 tasks, and 9 more since version 4 added the practices of issue 18 (in-flight handover, presence, ATS set-up, delivery
        // model, escalation path, candidate standards, complaint handling, steady-state handover, quarterly reviews).
        Assert.Equal(44, rows.Count);
        Assert.StartsWith("kickoff-meeting,Hold the kickoff meeting,learn,account-leader,2026-01-05,2026-01-05,", rows[0]);
        Assert.StartsWith("review-90,Hold the 90-day review,improve,account-leader,2026-04-02,2026-04-02,", rows[^1]);
    }

    [Theory]
    [InlineData(new string[0], "--template is required: a template key or the path of a template file")]
    [InlineData(new[] { "--template", "x" }, "--start is required: the date day 1 counts from, as YYYY-MM-DD")]
    [InlineData(new[] { "--template", "x", "--start", "2026-13-01" }, "--start '2026-13-01' is not a date written YYYY-MM-DD")]
    [InlineData(new[] { "--template", "x", "--start", "2026-01-05", "--working-days", "Mon,Funday" }, "--working-days 'Funday' is not a day of the week (use Mon, Tue, Wed, Thu, Fri, Sat, Sun)")]
    [InlineData(new[] { "--template", "x", "--start", "2026-01-05", "--holidays", "2026-01-05,soon" }, "--holidays 'soon' is not a date written YYYY-MM-DD")]
    [InlineData(new[] { "--template", "x", "--start", "2026-01-05", "--format", "xml" }, "--format 'xml' is not one of table, csv, json")]
    [InlineData(new[] { "--template", "x", "--colour", "red" }, "unknown option '--colour'")]
    [InlineData(new[] { "--template", "--start", "2026-01-05" }, "--template needs a value")]
    [InlineData(new[] { "--start", "2026-01-05", "--start", "2026-01-06" }, "--start is given twice")]
    [InlineData(new[] { "--template", "x", "--template", "x", "--start", "2026-01-05" }, "--template 'x' is given twice")]
    [InlineData(new[] { "--template", "x", "--start", "2026-01-05", "--go-live", "soon" }, "--go-live 'soon' is not a date written YYYY-MM-DD")]
    [InlineData(new[] { "--template", "x", "--start", "2026-01-05", "--go-live", "2026-01-02" }, "--go-live 2026-01-02 is before --start 2026-01-05: go-live comes on or after kickoff")]
    public void Bad_arguments_exit_two_with_what_is_wrong_and_the_usage(string[] args, string message)
    {
        var exitCode = Run(args);

        Assert.Equal(2, exitCode);
        Assert.Equal($"{message}\n{PlanPreviewOptions.Usage}\n", error.ToString().ReplaceLineEndings("\n"));
        Assert.Empty(output.ToString());
    }

    [Fact]
    public void An_unknown_key_exits_one_and_lists_the_keys_there_are()
    {
        var exitCode = PlanPreviewCommand.Run(["--template", "nope", "--start", "2026-01-05"], RepoPaths.Templates, output, error);

        Assert.Equal(1, exitCode);
        Assert.Equal(
            $"no valid template with key 'nope' in {RepoPaths.Templates} (found: first-time-buyer, recruiter-onboarding, rpo-client-launch)\n",
            error.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void A_broken_template_file_exits_one_with_its_errors()
    {
        var path = Path.Combine(RepoPaths.BrokenTemplates, "zero-duration.md");

        var exitCode = Run("--template", path, "--start", "2026-01-05");

        Assert.Equal(1, exitCode);
        Assert.Equal($"{path}:14: duration '0' must be at least 1 working day\n", error.ToString().ReplaceLineEndings("\n"));
        Assert.Empty(output.ToString());
    }

    private int Run(params string[] args) => PlanPreviewCommand.Run(args, directory, output, error);
}
