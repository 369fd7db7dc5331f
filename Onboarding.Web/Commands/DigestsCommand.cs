using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Onboarding.Core.Data;
using Onboarding.Core.Time;
using Onboarding.Jobs.Digests;

namespace Onboarding.Web.Commands;

/// <summary><c>digests run-due</c> and <c>digests preview</c>.</summary>
public static class DigestsCommand
{
    public const string Usage = """
          digests run-due    record every digest due now, send all waiting ones, print a summary
          digests preview --engagement ID --member EMAIL [--date YYYY-MM-DD]
                             the plain-text digest a member gets on a date (default: their today)
        """;

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error) => args switch
    {
        ["run-due"] => await RunDueAsync(services, output),
        ["preview", .. var options] => await PreviewAsync(services, options, output, error),
        _ => await UsageErrorAsync(error, $"'digests {string.Join(' ', args)}' is not a valid command."),
    };

    /// <summary>Exit 0 when nothing is left waiting; 1 when the mail server kept some for a later run.</summary>
    private static async Task<int> RunDueAsync(IServiceProvider services, TextWriter output)
    {
        var summary = await services.GetRequiredService<DigestDispatcher>().RunDueAsync(CancellationToken.None);
        await output.WriteLineAsync($"digests run-due: recorded {summary.Recorded}, sent {summary.Sent}, failed {summary.Failed}, still pending {summary.Pending}");
        return summary.Pending > 0 ? 1 : 0;
    }

    private static async Task<int> PreviewAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error)
    {
        if (ParseOptions(args, out var problem) is not { } options)
        {
            return await UsageErrorAsync(error, $"digests preview: {problem}");
        }
        var engagementText = options.GetValueOrDefault("--engagement");
        var email = options.GetValueOrDefault("--member");
        if (!int.TryParse(engagementText, NumberStyles.None, CultureInfo.InvariantCulture, out var engagementId))
        {
            return await UsageErrorAsync(error, engagementText is null
                ? "digests preview: --engagement ID is required."
                : $"digests preview: --engagement '{engagementText}' is not an engagement id (a whole number; see 'engagements list').");
        }
        if (string.IsNullOrWhiteSpace(email))
        {
            return await UsageErrorAsync(error, "digests preview: --member EMAIL is required.");
        }
        DateOnly? date = null;
        if (options.TryGetValue("--date", out var dateText))
        {
            if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                return await UsageErrorAsync(error, $"digests preview: --date '{dateText}' is not a date in the form YYYY-MM-DD.");
            }
            date = parsed;
        }

        var db = services.GetRequiredService<OnboardingDbContext>();
        var key = DigestLoader.RecipientKey(email);
        var member = await db.Members.AsNoTracking()
            .Where(m => m.EngagementId == engagementId && m.Person!.EmailKey == key)
            .Select(m => new { m.Person!.TimeZone })
            .FirstOrDefaultAsync();
        if (member is null)
        {
            var exists = await db.Engagements.AnyAsync(e => e.Id == engagementId);
            return await UsageErrorAsync(error, exists
                ? $"digests preview: {email} is not a member of engagement {engagementId}."
                : $"digests preview: there is no engagement {engagementId} (see 'engagements list').");
        }
        var day = date ?? services.GetRequiredService<TimeProvider>().TodayIn(member.TimeZone);

        var preview = await services.GetRequiredService<DigestPreviews>().ForAsync(email, day, _ => true, CancellationToken.None);
        if (preview?.Rendered is not { } rendered)
        {
            await output.WriteLineAsync(preview?.Reason ?? $"{email} gets no digests: engagement {engagementId} is closed.");
            return 0;
        }
        await output.WriteLineAsync($"To: {preview.Name} <{preview.Email}>");
        await output.WriteLineAsync($"Subject: {rendered.Subject}");
        await output.WriteLineAsync($"Due: {preview.DueAt:yyyy-MM-dd HH:mm} UTC");
        await output.WriteLineAsync();
        await output.WriteAsync(rendered.Text);
        return 0;
    }

    /// <summary>"--name value" pairs; null with <paramref name="problem"/> set on anything else.</summary>
    private static Dictionary<string, string>? ParseOptions(string[] args, out string problem)
    {
        string[] known = ["--engagement", "--member", "--date"];
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i += 2)
        {
            if (!known.Contains(args[i]))
            {
                problem = $"unknown option '{args[i]}' (expected {string.Join(", ", known)}).";
                return null;
            }
            if (i + 1 >= args.Length || args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                problem = $"{args[i]} needs a value.";
                return null;
            }
            if (!options.TryAdd(args[i], args[i + 1]))
            {
                problem = $"{args[i]} is given twice.";
                return null;
            }
        }
        problem = "";
        return options;
    }

    private static async Task<int> UsageErrorAsync(TextWriter error, string message)
    {
        await error.WriteLineAsync($"{message}\nusage:\n{Usage}");
        return 2;
    }
}
