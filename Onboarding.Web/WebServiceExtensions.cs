using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Authorization;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.EntityFrameworkCore;
using Onboarding.Core.Accounts;
using Onboarding.Core.Data;
using Onboarding.Core.Demo;
using Onboarding.Core.Locations;
using Onboarding.Core.Templates;
using Onboarding.Jobs;
using Onboarding.Web.Features.Pack;
using Onboarding.Web.Infrastructure;

namespace Onboarding.Web;

public static class WebServiceExtensions
{
    public static IHostApplicationBuilder AddOnboardingWeb(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.Configure<SeedOptions>(builder.Configuration.GetSection(SeedOptions.Section));
        services.AddScoped<DemoSeeder>();
        services.Configure<TemplatesOptions>(builder.Configuration.GetSection(TemplatesOptions.Section));
        services.AddSingleton(sp => ZoneCountries.ReadSystem(sp.GetRequiredService<ILoggerFactory>().CreateLogger<ZoneCountries>()));
        services.AddSingleton(sp => LoadTemplates(sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<TemplatesOptions>>().Value.Directory));

        services.AddIdentity<AppUser, IdentityRole>(IdentityRules.Apply)
            .AddEntityFrameworkStores<OnboardingDbContext>()
            .AddClaimsPrincipalFactory<UserClaimsFactory>()
            .AddDefaultTokenProviders()
            .AddRules();
        services.Configure<PasswordHasherOptions>(o => o.IterationCount = 210_000);
        services.AddSingleton<Features.Account.PlaceholderPasswordHash>();
        // Claims (organisation, administrator, kinds of membership) are rebuilt every minute; a session that
        // ended (sign-out, reset, lock) is refused on its next request by SessionCookieEvents.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        services.AddSingleton<SessionCookieEvents>();
        services.ConfigureApplicationCookie(o =>
        {
            o.EventsType = typeof(SessionCookieEvents);
            o.LoginPath = "/sign-in";
            o.LogoutPath = "/sign-out";
            o.AccessDeniedPath = "/error/403";
            o.Cookie.Name = "onboarding.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(12);
        });
        builder.AddOnboardingDataProtection();
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "onboarding.csrf";
            // Every response already says DENY (SecurityHeaders); antiforgery's SAMEORIGIN on form pages would contradict it.
            o.SuppressXFrameOptionsHeader = true;
        });
        services.AddOnboardingSecurityHeaders();
        builder.AddOnboardingProxySupport();

        services.AddOnboardingResponseCompression();
        services.AddControllersWithViews(o =>
        {
            o.Filters.Add(new AuthorizeFilter(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build()));
            o.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
            o.Filters.Add<EngagementAccessFilter>();
            o.ModelMetadataDetailsProviders.Add(new PlainBindingMessages());
        });
        services.Configure<RazorViewEngineOptions>(o =>
        {
            o.ViewLocationFormats.Clear();
            o.ViewLocationFormats.Add("/Features/{1}/{0}.cshtml");
            o.ViewLocationFormats.Add("/Features/Shared/{0}.cshtml");
        });

        // Names in any script stay readable in the HTML source instead of becoming entities.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        builder.AddOnboardingObservability();
        services.AddHostedService<FirstStartSeeding>();
        services.AddPlanPack(builder.Configuration);
        services.AddSingleton<EngagementSnapshots>();
        services.AddSingleton<EngagementStandings>();
        services.AddSingleton<Features.Portfolio.PortfolioEngagements>();
        services.AddSingleton<Features.Account.AccountMailer>();
        services.AddScoped<Features.Account.InvitationDesk>();
        services.AddAttemptLimits(builder.Configuration);
        return builder;
    }

    private static TemplateCatalog LoadTemplates(string directory) =>
        Directory.Exists(directory)
            ? TemplateCatalog.Load(directory)
            : throw new InvalidOperationException($"The templates folder '{directory}' does not exist: set Templates__Directory to the folder of template files.");

    /// <summary>
    /// Serves http://localhost:5080 unless told otherwise. The default lives here rather than in the launch profile,
    /// whose address <c>dotnet run</c> would put over ASPNETCORE_URLS; --urls, ASPNETCORE_URLS, the HTTP(S) ports
    /// settings and Kestrel endpoints all still win.
    /// </summary>
    public static WebApplicationBuilder ListenOnDefaultAddress(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        if (string.IsNullOrEmpty(configuration["urls"]) && string.IsNullOrEmpty(configuration["http_ports"])
            && string.IsNullOrEmpty(configuration["https_ports"]) && !configuration.GetSection("Kestrel:Endpoints").Exists())
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }
        return builder;
    }

    public const string DefaultUrl = "http://localhost:5080";

    public static WebApplication UseOnboardingWeb(this WebApplication app)
    {
        app.UseOnboardingProxySupport();
        app.UseMiddleware<RequestLogging>();
        // First of the rest, so its headers reach every response: static files, error pages, /health, the dashboard.
        app.UseSecurityHeaders();
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/error/500",
            // A database that is away is the app's outage, not the request's fault: 503, which says "try again".
            StatusCodeSelector = e => DatabaseFailures.IsUnavailable(e) ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status500InternalServerError,
        });
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseResponseCompression();
        app.UseStaticFiles();
        app.UseOnboardingObservability();
        app.UseRouting();
        app.Use((context, next) =>
        {
            RequestLogging.NoteRoute(context);
            return next(context);
        });
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapOnboardingHealth();
        app.UseOnboardingJobsDashboard();
        app.MapControllers();
        return app;
    }

    /// <summary>
    /// Applies migrations and builds the job storage, creating the database if there is none (under the setup lock, so
    /// nodes may start together); with <c>Database__MigrateOnStart=false</c> it only
    /// checks that a deploy step did, and says so in one line if not. Either way the cookies' key is made under the lock
    /// (<see cref="KeyProtection.MakeKeyAsync"/>) before the node serves. The demo is seeded once the server listens
    /// (<see cref="FirstStartSeeding"/>). False when the app cannot start on this database.
    /// </summary>
    public static async Task<bool> PrepareDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var options = scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<DatabaseOptions>>().Value;
        var db = scope.ServiceProvider.GetRequiredService<OnboardingDbContext>();
        try
        {
            if (options.MigrateOnStart)
            {
                await DatabaseSetup.MigrateAsync(db);
            }
            else if (await DatabaseReadiness.ProblemAsync(db) is { } problem)
            {
                await Console.Error.WriteLineAsync($"Onboarding cannot start: {problem}");
                return false;
            }
            await KeyProtection.MakeKeyAsync(scope.ServiceProvider, db);
            return true;
        }
        catch (Exception e) when (DatabaseReadiness.Failure(e) is { } failure)
        {
            await Console.Error.WriteLineAsync($"Onboarding cannot start: {failure}");
            return false;
        }
    }
}
