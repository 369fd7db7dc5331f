using System.Diagnostics;

namespace Onboarding.Tests.Support;

/// <summary>The app's executable run as a real process with a verb, against a test database.</summary>
public static class AppProcess
{
    public static async Task<(int Exit, string Output, string Error)> RunAsync(string connectionString, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Onboarding.Web.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["Database__Provider"] = "Postgres";
        start.Environment["ConnectionStrings__Onboarding"] = connectionString;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, (await output).ReplaceLineEndings("\n"), await error);
    }
}
