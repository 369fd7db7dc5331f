using Onboarding.Core.Data;
using Onboarding.Core.Markdown;
using Onboarding.Core.Telemetry;
using Onboarding.Jobs;
using Onboarding.Web;
using Onboarding.Web.Commands;

var command = CommandLine.Parse(args);
if (command.Verb == "worker")
{
    return await WorkerHost.RunAsync(command.HostArgs);
}

var builder = WebApplication.CreateBuilder(command.HostArgs);
if (command.Verb is not null)
{
    CommandLine.ConfigureLogging(builder.Logging);
}
else
{
    builder.AddOnboardingConsoleLogs();
}
builder.AddOnboardingData();
builder.AddOnboardingJobs();
builder.AddOnboardingWeb();
builder.ListenOnDefaultAddress();

var app = builder.Build();
MarkdownText.LogTo(app.Services.GetRequiredService<ILoggerFactory>());
if (command.Verb is not null)
{
    return await CommandLine.RunAsync(app.Services, command);
}

app.UseOnboardingWeb();
if (!await app.PrepareDatabaseAsync())
{
    return 1;
}
await app.RunAsync();
return 0;
