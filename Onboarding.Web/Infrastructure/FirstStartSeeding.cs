using Onboarding.Core.Data;
using Onboarding.Core.Demo;

namespace Onboarding.Web.Infrastructure;

internal static class StartupBanner
{
    /// <summary>What a newcomer needs after `dotnet run`: where the app is and how to sign in.</summary>
    public static void Print(WebApplication app, DatabaseOptions database, IReadOnlyList<SeededAccount> seeded)
    {
        var output = Console.Out;
        output.WriteLine();
        output.WriteLine("Onboarding is running.");
        foreach (var url in app.Urls)
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
}
