using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Onboarding.Core.Accounts;
using Onboarding.Core.Data;
using Onboarding.Core.Engagements;
using Onboarding.Core.Templates;

namespace Onboarding.Web.Commands;

/// <summary>
/// <c>plan upgrade</c>: the same upgrade as the plan templates page, for scripts. It prints what the upgrade
/// adds, removes and changes, then applies exactly that unless <c>--dry-run</c>.
/// </summary>
public static class PlanUpgradeCommand
{
    public const int Success = 0;
    public const int NotApplied = 1;
    public const int BadArguments = 2;

    public const string Usage = "usage: plan upgrade --engagement ID --template KEY [--member EMAIL] [--dry-run]";

    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        if (Parse(args, out var problem) is not { } options)
        {
            return await FailAsync(error, problem);
        }
        var db = services.GetRequiredService<OnboardingDbContext>();
        var engagement = await db.Engagements.AsNoTracking().Where(e => e.Id == options.EngagementId).Select(e => new { e.Name, e.Status }).FirstOrDefaultAsync();
        if (engagement is null)
        {
            return await FailAsync(error, $"--engagement {options.EngagementId}: there is no engagement with that id (see 'engagements list')");
        }
        var snapshots = await db.TemplateSnapshots.AsNoTracking()
            .Where(s => s.EngagementId == options.EngagementId && s.TemplateKey == options.TemplateKey)
            .Select(s => new { s.Id, Email = s.ForMember != null ? s.ForMember.Email : null })
            .ToListAsync();
        var chosen = snapshots.Where(s => options.Member is null || (s.Email is not null && AccountRules.NormaliseEmail(s.Email) == AccountRules.NormaliseEmail(options.Member))).ToList();
        if (chosen.Count != 1)
        {
            return await FailAsync(error, snapshots.Count == 0
                ? $"--template {options.TemplateKey}: '{engagement.Name}' has no template with that key applied"
                : chosen.Count == 0
                    ? $"--member {options.Member}: '{options.TemplateKey}' is not applied for that member"
                    : $"--template {options.TemplateKey} is applied for {chosen.Count} members; choose one with --member ({string.Join(", ", chosen.Select(s => s.Email))})");
        }
        if (engagement.Status == EngagementStatus.Closed)
        {
            await error.WriteLineAsync($"plan upgrade: '{engagement.Name}' is completed; reopen it before changing its plan.");
            return NotApplied;
        }

        var catalog = services.GetRequiredService<TemplateCatalog>();
        var preview = (await PlanUpgradeWriter.PreviewAsync(db, catalog, options.EngagementId, chosen[0].Id))!;
        await WriteAsync(output, preview);
        if (!preview.CanApply)
        {
            foreach (var reason in preview.Problems)
            {
                await error.WriteLineAsync($"plan upgrade: {reason}");
            }
            return NotApplied;
        }
        if (options.DryRun)
        {
            await output.WriteLineAsync("plan upgrade: dry run, nothing was changed.");
            return Success;
        }

        var result = await PlanUpgradeWriter.ApplyAsync(
            db, catalog, options.EngagementId, chosen[0].Id,
            new UpgradeConfirmation(preview.Snapshot.Version, preview.Template!.Version, preview.Fingerprint),
            actorUserId: null, "Command line", services.GetRequiredService<TimeProvider>().GetUtcNow());
        if (result.Status != UpgradeStatus.Applied)
        {
            await error.WriteLineAsync($"plan upgrade: {result.Message ?? string.Join(" ", result.Preview?.Problems ?? [])}");
            return NotApplied;
        }
        await output.WriteLineAsync($"plan upgrade: “{preview.Title}” is now at version {preview.Template.Version}: {result.Message}.");
        return Success;
    }

    private static async Task WriteAsync(TextWriter output, PlanUpgradePreview preview)
    {
        await output.WriteLineAsync($"“{preview.Title}”: applied version {preview.Snapshot.Version}, catalog version {preview.Template?.Version.ToString(CultureInfo.InvariantCulture) ?? "none"}");
        foreach (var a in preview.Added)
        {
            await output.WriteLineAsync($"  + {a.Task.Title} · {a.Owner?.Name ?? $"nobody is {a.Task.OwnerRole.InSentence()}"} · {a.Task.Start:yyyy-MM-dd} to {a.Task.Due:yyyy-MM-dd}");
        }
        foreach (var r in preview.Removed)
        {
            var loses = r.LosesWork ? $" · LOSES WORK: {r.Task.Status.DisplayName().ToLowerInvariant()}, {Onboarding.Core.Text.Words.Count(r.Comments, "comment")}" : "";
            await output.WriteLineAsync($"  - {r.Task.Title}{loses}");
        }
        foreach (var c in preview.Changed)
        {
            var title = c.Task.Title == c.Planned.Title ? c.Task.Title : $"{c.Task.Title} → {c.Planned.Title}";
            var dates = c.DatesChange ? $" · {c.Task.Start:yyyy-MM-dd} to {c.Task.Due:yyyy-MM-dd} → {c.Planned.Start:yyyy-MM-dd} to {c.Planned.Due:yyyy-MM-dd}" : "";
            await output.WriteLineAsync($"  ~ {title}: {string.Join(", ", c.Changes)}{dates}");
        }
    }

    private sealed record Options(int EngagementId, string TemplateKey, string? Member, bool DryRun);

    private static Options? Parse(IReadOnlyList<string> args, out string problem)
    {
        problem = "";
        var values = new Dictionary<string, string>();
        var dryRun = false;
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == "--dry-run")
            {
                dryRun = true;
                continue;
            }
            if (args[i] is not ("--engagement" or "--template" or "--member"))
            {
                problem = $"unknown option '{args[i]}'";
                return null;
            }
            if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                problem = $"{args[i]} needs a value";
                return null;
            }
            if (!values.TryAdd(args[i], args[++i]))
            {
                problem = $"{args[i - 1]} is given twice";
                return null;
            }
        }
        if (!values.TryGetValue("--engagement", out var id) || !int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var engagementId))
        {
            problem = id is null ? "--engagement is required: the engagement's id (see 'engagements list')" : $"--engagement '{id}' is not an engagement id";
            return null;
        }
        if (!values.TryGetValue("--template", out var key))
        {
            problem = "--template is required: the key of the applied template";
            return null;
        }
        return new Options(engagementId, key, values.GetValueOrDefault("--member"), dryRun);
    }

    private static async Task<int> FailAsync(TextWriter error, string problem)
    {
        await error.WriteLineAsync($"plan upgrade: {problem}");
        await error.WriteLineAsync(Usage);
        return BadArguments;
    }
}
