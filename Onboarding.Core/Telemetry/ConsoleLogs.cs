using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace Onboarding.Core.Telemetry;

public static class ConsoleLogs
{
    /// <summary>
    /// Console logs that several processes' outputs can be merged by: when the output goes to a collector (a
    /// container's log, a file, a pipe) one JSON object per line, with a UTC timestamp and the scopes (the request
    /// id, the engagement id where there is one); in Development or a terminal, where a person reads them (the
    /// README's run command), the plain format with a timestamp. <c>Logging__Console__FormatterName</c> (json, simple, systemd) chooses
    /// the format instead, with its options under <c>Logging__Console__FormatterOptions</c>.
    /// </summary>
    public static IHostApplicationBuilder AddOnboardingConsoleLogs(this IHostApplicationBuilder builder)
    {
        if (!string.IsNullOrEmpty(builder.Configuration["Logging:Console:FormatterName"]))
        {
            return builder;
        }
        if (builder.Environment.IsDevelopment() || !Console.IsOutputRedirected)
        {
            builder.Logging.AddSimpleConsole(o =>
            {
                o.TimestampFormat = "HH:mm:ss.fff ";
                o.UseUtcTimestamp = true;
            });
        }
        else
        {
            builder.Logging.AddJsonConsole(o =>
            {
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
                o.UseUtcTimestamp = true;
                o.IncludeScopes = true;
            });
        }
        return builder;
    }
}
