using System.Globalization;
using Onboarding.Core.Data;
using Onboarding.Core.Documents;
using Onboarding.Core.Documents.PlanPack;
using Onboarding.Core.Documents.Steering;

namespace Onboarding.Web.Commands;

/// <summary><c>pack export</c>: the plan pack PDF of one engagement, one member's own plan, or a month's steering report, written to a file.</summary>
public static class PackCommand
{
    public const int Success = 0;
    public const int WriteFailed = 1;
    public const int BadArguments = 2;
    public const int Stopped = 130;

    public const string Usage = "usage: pack export --engagement ID --out FILE [--member EMAIL | --report steering [--month YYYY-MM]]";

    private static readonly string[] Names = ["--engagement", "--out", "--member", "--report", "--month"];

    /// <param name="cancellationToken">Stops loading and rendering (Ctrl+C); nothing is written then.</param>
    public static async Task<int> ExportAsync(
        IServiceProvider services, IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        if (!TryParse(args, out var engagementId, out var file, out var email, out var report, out var problem))
        {
            return await FailAsync(error, problem);
        }

        var db = services.GetRequiredService<OnboardingDbContext>();
        var clock = services.GetRequiredService<TimeProvider>();
        var pack = await PackLoader.LoadAsync(db, clock, engagementId, cancellationToken);
        if (pack is null)
        {
            return await FailAsync(error, $"--engagement {engagementId}: there is no engagement with that id (see 'engagements list')");
        }

        Document document;
        string what;
        if (report is not null)
        {
            if (SteeringPeriod.Parse(report.Month, pack.Kickoff, pack.Today, out var wrong) is not { } month)
            {
                return await FailAsync(error, $"--month: {wrong}");
            }

            var steering = (await SteeringLoader.LoadAsync(db, clock, engagementId, month, cancellationToken))!;
            document = SteeringComposer.Report(steering);
            what = $"the steering report of '{pack.EngagementName}' for {SteeringContent.MonthName(month)}";
        }
        else if (email is null)
        {
            document = PackComposer.Pack(pack);
            what = $"the plan pack of '{pack.EngagementName}'";
        }
        else if (pack.MemberByEmail(email) is { } member)
        {
            document = PackComposer.Personal(pack, member);
            what = $"the plan of {member.Name} in '{pack.EngagementName}'";
        }
        else
        {
            return await FailAsync(error, $"--member {email}: nobody with that email is in '{pack.EngagementName}'");
        }

        byte[] bytes;
        try
        {
            bytes = services.GetRequiredService<PdfRenderer>().Render(document, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await error.WriteLineAsync($"pack export: stopped before {what} was rendered; {file} was not written");
            return Stopped;
        }

        try
        {
            await File.WriteAllBytesAsync(file, bytes, CancellationToken.None);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"pack export: cannot write {file}: {e.Message}");
            return WriteFailed;
        }

        await output.WriteLineAsync($"pack export: wrote {what} to {file} ({(bytes.Length + 1023) / 1024} KiB)");
        return Success;
    }

    private sealed record ReportChoice(string? Month);

    private static bool TryParse(
        IReadOnlyList<string> args, out int engagementId, out string file, out string? email, out ReportChoice? report, out string problem)
    {
        (engagementId, file, email, report, problem) = (0, "", null, null, "");
        var values = new Dictionary<string, string>();
        for (var i = 0; i < args.Count; i += 2)
        {
            if (!Names.Contains(args[i]))
            {
                problem = $"unknown option '{args[i]}'";
                return false;
            }

            if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                problem = $"{args[i]} needs a value";
                return false;
            }

            if (!values.TryAdd(args[i], args[i + 1]))
            {
                problem = $"{args[i]} is given twice";
                return false;
            }
        }

        if (!values.TryGetValue("--engagement", out var id))
        {
            problem = "--engagement is required: the engagement's id (see 'engagements list')";
            return false;
        }

        if (!int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out engagementId))
        {
            problem = $"--engagement '{id}' is not an engagement id (a whole number, see 'engagements list')";
            return false;
        }

        if (!values.TryGetValue("--out", out var path) || string.IsNullOrWhiteSpace(path))
        {
            problem = "--out is required: the PDF file to write";
            return false;
        }

        file = path;
        email = values.GetValueOrDefault("--member");
        if (values.TryGetValue("--report", out var kind))
        {
            if (kind != "steering")
            {
                problem = $"--report '{kind}' is not a report; the one report is 'steering'";
                return false;
            }

            if (email is not null)
            {
                problem = "--member and --report cannot be given together: a steering report is the engagement's, not one person's";
                return false;
            }

            report = new ReportChoice(values.GetValueOrDefault("--month"));
        }
        else if (values.ContainsKey("--month"))
        {
            problem = "--month is for --report steering";
            return false;
        }

        return true;
    }

    private static async Task<int> FailAsync(TextWriter error, string problem)
    {
        await error.WriteLineAsync($"pack export: {problem}");
        await error.WriteLineAsync(Usage);
        return BadArguments;
    }
}
