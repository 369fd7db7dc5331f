using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Onboarding.Core.Plans;

public enum PreviewFormat
{
    Table,
    Csv,
    Json,
}

/// <summary>
/// The arguments of <c>plan preview</c>, checked. Each of <see cref="Templates"/> is a template key or a file path, in the
/// order given; <see cref="Start"/> is kickoff, and <see cref="GoLive"/> the start date unless <c>--go-live</c> says otherwise.
/// </summary>
public sealed record PlanPreviewOptions(IReadOnlyList<string> Templates, DateOnly Start, DateOnly GoLive, BusinessCalendar Calendar, PreviewFormat Format)
{
    public const string Usage =
        "usage: plan preview --template KEY|PATH [--template KEY|PATH ...] --start YYYY-MM-DD [--go-live YYYY-MM-DD] [--working-days Mon,Tue,Wed,Thu,Fri] [--holidays YYYY-MM-DD,...] [--format table|csv|json]";

    private static readonly string[] Names = ["--template", "--start", "--go-live", "--working-days", "--holidays", "--format"];

    private static readonly Dictionary<string, DayOfWeek> Weekdays = Enum.GetValues<DayOfWeek>()
        .SelectMany(d => new[] { (Name: d.ToString(), Day: d), (Name: d.ToString()[..3], Day: d) })
        .ToDictionary(p => p.Name, p => p.Day, StringComparer.OrdinalIgnoreCase);

    /// <param name="error">What is wrong with the arguments, in words for the person who typed them.</param>
    public static bool TryParse(IReadOnlyList<string> args, [NotNullWhen(true)] out PlanPreviewOptions? options, out string error)
    {
        options = null;
        var values = new Dictionary<string, string>();
        var templates = new List<string>();
        for (var i = 0; i < args.Count; i += 2)
        {
            if (!Names.Contains(args[i]))
            {
                error = $"unknown option '{args[i]}'";
                return false;
            }
            if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                error = $"{args[i]} needs a value";
                return false;
            }
            if (args[i] == "--template")
            {
                // Several templates preview together, as a launch applying them all would plan them.
                if (templates.Contains(args[i + 1]))
                {
                    error = $"--template '{args[i + 1]}' is given twice";
                    return false;
                }
                templates.Add(args[i + 1]);
                continue;
            }
            if (!values.TryAdd(args[i], args[i + 1]))
            {
                error = $"{args[i]} is given twice";
                return false;
            }
        }

        if (templates.Count == 0)
        {
            error = "--template is required: a template key or the path of a template file";
            return false;
        }
        if (!values.TryGetValue("--start", out var startText))
        {
            error = "--start is required: the date day 1 counts from, as YYYY-MM-DD";
            return false;
        }
        if (!TryParseDate(startText, out var start))
        {
            error = $"--start '{startText}' is not a date written YYYY-MM-DD";
            return false;
        }
        var goLive = start;
        if (values.TryGetValue("--go-live", out var goLiveText) && !TryParseDate(goLiveText, out goLive))
        {
            error = $"--go-live '{goLiveText}' is not a date written YYYY-MM-DD";
            return false;
        }
        if (goLive < start)
        {
            error = $"--go-live {goLive:yyyy-MM-dd} is before --start {start:yyyy-MM-dd}: go-live comes on or after kickoff";
            return false;
        }

        var workingDays = new List<DayOfWeek>();
        foreach (var name in Split(values.GetValueOrDefault("--working-days", "Mon,Tue,Wed,Thu,Fri")))
        {
            if (!Weekdays.TryGetValue(name, out var day))
            {
                error = $"--working-days '{name}' is not a day of the week (use Mon, Tue, Wed, Thu, Fri, Sat, Sun)";
                return false;
            }
            workingDays.Add(day);
        }
        if (workingDays.Count == 0)
        {
            error = "--working-days needs at least one day";
            return false;
        }

        var holidays = new List<DateOnly>();
        foreach (var text in Split(values.GetValueOrDefault("--holidays", "")))
        {
            if (!TryParseDate(text, out var holiday))
            {
                error = $"--holidays '{text}' is not a date written YYYY-MM-DD";
                return false;
            }
            holidays.Add(holiday);
        }

        var formatText = values.GetValueOrDefault("--format", "table");
        PreviewFormat? format = formatText switch
        {
            "table" => PreviewFormat.Table,
            "csv" => PreviewFormat.Csv,
            "json" => PreviewFormat.Json,
            _ => null,
        };
        if (format is null)
        {
            error = $"--format '{formatText}' is not one of table, csv, json";
            return false;
        }

        options = new PlanPreviewOptions(templates, start, goLive, new BusinessCalendar(workingDays, holidays), format.Value);
        error = "";
        return true;
    }

    private static string[] Split(string list) => list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    private static bool TryParseDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
