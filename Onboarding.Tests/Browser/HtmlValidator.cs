using System.Diagnostics;

namespace Onboarding.Tests.Browser;

/// <summary>
/// html-validate over served HTML: the version pinned in Onboarding.Tests/HtmlValidation (installed there by
/// <c>npm ci</c>, which <c>.ci/run</c> does), with its standard rules, the heading order and HTML's own format for
/// <c>datetime</c>, which it does not check by itself (.htmlvalidate.json).
/// </summary>
public static class HtmlValidator
{
    private static readonly string Folder = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "HtmlValidation"));

    /// <summary>The validator's report, or null when the page is valid.</summary>
    public static async Task<string?> ProblemsAsync(string html, string name)
    {
        var cli = Path.Combine(Folder, "node_modules", "html-validate", "bin", "html-validate.mjs");
        if (!File.Exists(cli))
        {
            throw new InvalidOperationException($"html-validate is not installed: run 'npm ci' in {Folder} (bash .ci/run does).");
        }
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Folder,
        };
        foreach (var arg in new[] { cli, "--config", Path.Combine(Folder, ".htmlvalidate.json"), "--stdin", "--stdin-filename", name, "--formatter", "text" })
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync(html);
        process.StandardInput.Close();
        await process.WaitForExitAsync();
        return process.ExitCode == 0 ? null : $"{await output}{await error}".Trim();
    }
}
