using System.Diagnostics;

namespace Onboarding.Tests.Support;

/// <summary>The app's executable run as a real process with a verb, against a test database.</summary>
public static class AppProcess
{
    public static Task<(int Exit, string Output, string Error)> RunAsync(string connectionString, params string[] args) =>
        RunAsync(Postgres(connectionString), args);

    /// <summary>The executable with these environment variables (the database among them), run to its end.</summary>
    public static async Task<(int Exit, string Output, string Error)> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        using var process = Process.Start(StartInfo(environment, args))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'{string.Join(' ', args)}' did not end within 3 minutes.\n{await output}\n{await error}");
        }
        return (process.ExitCode, (await output).ReplaceLineEndings("\n"), await error);
    }

    /// <summary>The executable serving, until the returned process is disposed.</summary>
    public static ServingApp Serve(IReadOnlyDictionary<string, string> environment, params string[] args) => new(Process.Start(StartInfo(environment, args))!);

    /// <summary>
    /// The project served as <c>dotnet run --project Onboarding.Web</c> serves it from the source tree (launch profile
    /// included), using the build the tests run on.
    /// </summary>
    public static ServingApp DotnetRun(IReadOnlyDictionary<string, string> environment)
    {
        var project = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "Onboarding.Web"));
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "run", "--no-build", "--project", project })
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        return new(Process.Start(start)!);
    }

    public static Dictionary<string, string> Postgres(string connectionString) => new()
    {
        ["Database__Provider"] = "Postgres",
        ["ConnectionStrings__Onboarding"] = connectionString,
    };

    public static Dictionary<string, string> Sqlite(string dataDirectory) => new()
    {
        ["Database__Provider"] = "Sqlite",
        ["Database__DataDirectory"] = dataDirectory,
    };

    private static ProcessStartInfo StartInfo(IReadOnlyDictionary<string, string> environment, string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Onboarding.Web.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        return start;
    }
}

/// <summary>A serving app process; everything it prints is kept, and disposing it kills it.</summary>
public sealed class ServingApp : IAsyncDisposable
{
    private readonly Process process;
    private readonly List<string> lines = [];

    public ServingApp(Process process)
    {
        this.process = process;
        process.OutputDataReceived += (_, e) => Add(e.Data);
        process.ErrorDataReceived += (_, e) => Add(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>The process id: a worker names its job servers with it, so a test can tell which one runs a job.</summary>
    public int Id => process.Id;

    public bool HasExited => process.HasExited;

    /// <summary><c>kill -9</c>: the process ends at once, without any chance to clean up.</summary>
    public async Task KillAsync()
    {
        process.Kill();
        await process.WaitForExitAsync();
    }

    /// <summary>SIGTERM, as a deploy or <c>docker stop</c> sends, then waits for the process to end on its own; returns its exit code.</summary>
    public async Task<int> TerminateAsync(TimeSpan timeout)
    {
        using (var signal = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await signal.WaitForExitAsync();
        }
        using var waiting = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(waiting.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"The app did not end within {timeout} of SIGTERM:\n{Output}");
        }
        return process.ExitCode;
    }

    public string Output
    {
        get
        {
            lock (lines)
            {
                return string.Join('\n', lines);
            }
        }
    }

    /// <summary>Waits until the process printed a line that <paramref name="match"/> accepts, and returns it.</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> match, TimeSpan timeout)
    {
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < timeout)
        {
            lock (lines)
            {
                if (lines.FirstOrDefault(match) is { } line)
                {
                    return line;
                }
            }
            if (process.HasExited)
            {
                Assert.Fail($"The app ended ({process.ExitCode}) before printing the line awaited:\n{Output}");
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"No line awaited within {timeout}:\n{Output}");
    }

    private void Add(string? line)
    {
        if (line is not null)
        {
            lock (lines)
            {
                lines.Add(line);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
    }
}
