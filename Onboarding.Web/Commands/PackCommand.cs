using System.Globalization;
using Onboarding.Core.Data;
using Onboarding.Core.Documents;
using Onboarding.Core.Documents.PlanPack;

namespace Onboarding.Web.Commands;

/// <summary><c>pack export</c>: the plan pack PDF of one engagement, or one member's own plan, written to a file.</summary>
public static class PackCommand
{
    public const int Success = 0;
    public const int WriteFailed = 1;
    public const int BadArguments = 2;
    public const int Stopped = 130;

    public const string Usage = "usage: pack export --engagement ID --out FILE [--member EMAIL]";

    private static readonly string[] Names = ["--engagement", "--out", "--member"];

    /// <param name="cancellationToken">Stops loading and rendering (Ctrl+C); nothing is written then.</param>
    public static async Task<int> ExportAsync(
        IServiceProvider services, IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        if (!TryParse(args, out var engagementId, out var file, out var email, out var problem))
        {
            return await FailAsync(error, problem);
        }

        var db = services.GetRequiredService<OnboardingDbContext>();
        var pack = await PackLoader.LoadAsync(db, services.GetRequiredService<TimeProvider>(), engagementId, cancellationToken);
        if (pack is null)
        {
            return await FailAsync(error, $"--engagement {engagementId}: there is no engagement with that id (see 'engagements list')");
        }

        Document document;
        string what;
        if (email is null)
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

    private static bool TryParse(IReadOnlyList<string> args, out int engagementId, out string file, out string? email, out string problem)
    {
        (engagementId, file, email, problem) = (0, "", null, "");
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
        return true;
    }

    private static async Task<int> FailAsync(TextWriter error, string problem)
    {
        await error.WriteLineAsync($"pack export: {problem}");
        await error.WriteLineAsync(Usage);
        return BadArguments;
    }
}
