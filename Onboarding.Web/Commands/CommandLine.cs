using System.Runtime.InteropServices;
using Microsoft.EntityFrameworkCore;
using Onboarding.Core.Data;
using Onboarding.Core.Plans;
using Onboarding.Core.Templates;
using Onboarding.Jobs;
using Onboarding.Web.Infrastructure;

namespace Onboarding.Web.Commands;

public sealed record ParsedCommand(string? Verb, string[] VerbArgs, string[] HostArgs);

/// <summary>
/// The executable's verbs. With a verb it does that job against the configured database and
/// exits; without one it serves the app.
/// </summary>
public static class CommandLine
{
    private static readonly string[] Verbs = ["migrate", "engagements", "templates", "plan", "worker", "digests", "pack"];

    public const string Usage = """
        usage: Onboarding.Web [VERB ...]
          (no verb)          serve the web app
          migrate            apply pending database migrations, build the job storage, make the
                             sign-in cookies' key, and exit; any number may run at once
          engagements list   one line per engagement: id, client, day N of 90, members
          templates check [DIR]
                             validate every template; file:line: message per problem
          plan preview --template KEY|PATH --start YYYY-MM-DD [--working-days Mon,Tue,...]
                       [--holidays YYYY-MM-DD,...] [--format table|csv|json]
                             the dates a template would get, without saving anything
          plan upgrade --engagement ID --template KEY [--member EMAIL] [--dry-run]
                             upgrade an applied template to the catalog's newer version
          worker             run background jobs only (needs Database__Provider=Postgres)
          pack export --engagement ID --out FILE [--member EMAIL | --report steering [--month YYYY-MM]]
                             write the engagement's plan pack PDF, or that member's own plan
        """ + "\n" + DigestsCommand.Usage;

    /// <summary>Host arguments (--urls and other configuration) are only those before a verb.</summary>
    public static ParsedCommand Parse(string[] args)
    {
        var verbIndex = Array.FindIndex(args, a => !a.StartsWith('-') && !IsOptionValue(args, a));
        if (verbIndex < 0)
        {
            return new ParsedCommand(null, [], args);
        }
        return new ParsedCommand(args[verbIndex], args[(verbIndex + 1)..], args[..verbIndex]);
    }

    private static bool IsOptionValue(string[] args, string arg)
    {
        var index = Array.IndexOf(args, arg);
        return index > 0 && args[index - 1].StartsWith("--") && !args[index - 1].Contains('=');
    }

    public static async Task<int> RunAsync(IServiceProvider services, ParsedCommand command)
    {
        if (!Verbs.Contains(command.Verb))
        {
            await Console.Error.WriteLineAsync($"unknown command '{command.Verb}'.\n{Usage}");
            return 2;
        }

        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        try
        {
            if (NeedsDatabase(command) && await DatabaseReadiness.ProblemAsync(provider.GetRequiredService<OnboardingDbContext>()) is { } problem)
            {
                await Console.Error.WriteLineAsync($"{command.Verb}: {problem}");
                return 1;
            }

            return (command.Verb, command.VerbArgs) switch
            {
                ("migrate", []) => await MigrateAsync(provider),
                ("engagements", ["list"]) => await EngagementsCommand.ListAsync(provider, Console.Out),
                ("templates", ["check"]) => TemplatesCheckCommand.Run(TemplatesDirectory(provider), Console.Out),
                ("templates", ["check", var directory]) => TemplatesCheckCommand.Run(directory, Console.Out),
                ("plan", ["preview", .. var options]) => PlanPreviewCommand.Run(options, TemplatesDirectory(provider), Console.Out, Console.Error),
                ("plan", ["upgrade", .. var options]) => await PlanUpgradeCommand.RunAsync(provider, options, Console.Out, Console.Error),
                ("digests", var digestArgs) => await DigestsCommand.RunAsync(provider, digestArgs, Console.Out, Console.Error),
                ("pack", ["export", .. var options]) => await StoppableAsync(token => PackCommand.ExportAsync(provider, options, Console.Out, Console.Error, token)),
                _ => await UsageErrorAsync(command),
            };
        }
        catch (Exception e) when (DatabaseReadiness.Failure(e) is { } failure)
        {
            await Console.Error.WriteLineAsync($"{command.Verb}: {failure}");
            return 1;
        }
        catch (Exception e) when (e is DbUpdateException or InvalidOperationException)
        {
            await Console.Error.WriteLineAsync($"{command.Verb}: {e.Message}");
            return 1;
        }
    }

    /// <summary>
    /// Runs a long verb that Ctrl+C or SIGTERM stops through its token rather than by killing the
    /// process: the host is built but not run, so no console lifetime listens for them.
    /// </summary>
    private static async Task<int> StoppableAsync(Func<CancellationToken, Task<int>> run)
    {
        using var stopping = new CancellationTokenSource();
        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stopping.Cancel();
        }

        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        return await run(stopping.Token);
    }

    /// <summary>
    /// A verb reports a failure in one line of its own (<see cref="RunAsync"/>); EF Core's error logs would repeat it with a
    /// stack trace. <c>migrate</c> makes the cookies' key, and data protection's warning that it is stored unencrypted is
    /// the web node's to give, in words that say what to set (<see cref="KeyProtection"/>).
    /// </summary>
    public static void ConfigureLogging(ILoggingBuilder logging) => logging
        .AddFilter("Microsoft.EntityFrameworkCore", LogLevel.None)
        .AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error);

    /// <summary>Verbs that work on the data (not migrate, which makes it, nor the template checks, which never open it).</summary>
    private static bool NeedsDatabase(ParsedCommand command) =>
        command.Verb is "engagements" or "digests" or "pack" || command is { Verb: "plan", VerbArgs: ["upgrade", ..] };

    private static string TemplatesDirectory(IServiceProvider provider) =>
        provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<TemplatesOptions>>().Value.Directory;

    private static async Task<int> UsageErrorAsync(ParsedCommand command)
    {
        await Console.Error.WriteLineAsync($"'{command.Verb} {string.Join(' ', command.VerbArgs)}' is not a valid command.\n{Usage}");
        return 2;
    }

    private static async Task<int> MigrateAsync(IServiceProvider provider)
    {
        var db = provider.GetRequiredService<OnboardingDbContext>();
        var pending = await DatabaseSetup.MigrateAsync(db);
        await KeyProtection.MakeKeyAsync(provider, db);
        Console.WriteLine(pending.Count == 0
            ? "migrate: the database is up to date."
            : $"migrate: applied {pending.Count} migration(s): {string.Join(", ", pending)}");
        return 0;
    }
}
