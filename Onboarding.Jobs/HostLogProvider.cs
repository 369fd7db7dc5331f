using Hangfire.AspNetCore;
using Hangfire.Logging;
using Microsoft.Extensions.Logging;

namespace Onboarding.Jobs;

/// <summary>
/// Hangfire's log provider is one for the whole process (a static), so it can outlive the host whose logger
/// factory it holds: at shutdown, or when several hosts share a process (the tests). Enqueuing a job then
/// asked a disposed factory for a logger and failed the request; a logger that cannot be made stays silent.
/// </summary>
internal sealed class HostLogProvider(ILoggerFactory loggers) : ILogProvider
{
    private readonly AspNetCoreLogProvider _host = new(loggers);

    public ILog GetLogger(string name)
    {
        try
        {
            return _host.GetLogger(name);
        }
        catch (ObjectDisposedException)
        {
            return Silent.Instance;
        }
    }

    private sealed class Silent : ILog
    {
        public static readonly Silent Instance = new();

        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
    }
}
