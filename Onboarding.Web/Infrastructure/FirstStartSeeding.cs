using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using Onboarding.Core.Data;
using Onboarding.Core.Demo;

namespace Onboarding.Web.Infrastructure;

/// <summary>
/// Seeds an empty database once the server listens, and prints where the app is and how to sign in. Seeding
/// earlier meant that a start failing on a taken port left a seeded database whose generated passwords were
/// never shown. <see cref="IHostedLifecycleService.StartedAsync"/> runs after every hosted service has started
/// (Kestrel has bound its addresses) and before the host reports itself started, so nothing is served as
/// "started" before the first accounts exist.
/// </summary>
internal sealed class FirstStartSeeding(IServiceScopeFactory scopes, IServer server, IOptions<DatabaseOptions> database) : IHostedLifecycleService
{
    public async Task StartedAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var seeded = await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(cancellationToken);
        Print(server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [], database.Value, seeded);
    }

    /// <summary>What a newcomer needs after `dotnet run`: where the app is and how to sign in.</summary>
    private static void Print(ICollection<string> urls, DatabaseOptions database, IReadOnlyList<SeededAccount> seeded)
    {
        var output = Console.Out;
        output.WriteLine();
        output.WriteLine("Onboarding is running.");
        foreach (var url in urls)
        {
            output.WriteLine($"  Open {url}");
        }
        output.WriteLine($"  Database: {database.Provider}{(database.Provider == DatabaseProvider.Sqlite ? $" in {database.DataDirectory}" : "")}");
        if (seeded.Count > 0)
        {
            output.WriteLine("  Sign-ins created now (shown once; keep them):");
            foreach (var account in seeded)
            {
                output.WriteLine($"    {account.Role,-20} {account.Email,-36} {account.Password}");
            }
        }
        else
        {
            output.WriteLine("  Using the accounts created on first start.");
        }
        output.WriteLine();
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
