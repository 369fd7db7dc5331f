using System.Net;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;
using Onboarding.Core.Links;

namespace Onboarding.Web.Infrastructure;

/// <summary>The "Proxy" section: the reverse proxies (TLS terminators, load balancers) the app believes.</summary>
public sealed class ProxyOptions
{
    public const string Section = "Proxy";

    /// <summary>Addresses of trusted proxies, separated by commas, e.g. <c>10.0.0.5,10.0.0.6</c>. Empty: trust nobody.</summary>
    public string KnownProxies { get; set; } = "";

    /// <summary>Networks of trusted proxies in CIDR form, separated by commas, e.g. <c>10.0.0.0/8</c>. Empty: none.</summary>
    public string KnownNetworks { get; set; } = "";
}

/// <summary>
/// Running behind a TLS-terminating proxy: the client's address and scheme come from <c>X-Forwarded-For</c> and
/// <c>X-Forwarded-Proto</c>, but only when a configured proxy sent them (anyone else could claim to be on HTTPS or
/// at any address); cookies are Secure on HTTPS and always when the public address is https; and only requests for
/// the public host (or localhost) are answered, so a forged Host header gets 400.
/// </summary>
public static class BehindProxy
{
    public static IHostApplicationBuilder AddOnboardingProxySupport(this IHostApplicationBuilder builder)
    {
        var proxy = builder.Configuration.GetSection(ProxyOptions.Section).Get<ProxyOptions>() ?? new ProxyOptions();
        var knownProxies = Split(proxy.KnownProxies).Select(ParseAddress).ToList();
        var knownNetworks = Split(proxy.KnownNetworks).Select(ParseNetwork).ToList();
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // ASP.NET Core trusts loopback by default; here only what is configured, so nothing unless told.
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
#pragma warning disable ASPDEPR005 // The obsolete list still holds the loopback network by default, and is still consulted.
            o.KnownNetworks.Clear();
#pragma warning restore ASPDEPR005
            knownProxies.ForEach(o.KnownProxies.Add);
            knownNetworks.ForEach(o.KnownIPNetworks.Add);
        });

        // Every cookie (sign-in, antiforgery, any other) passes the cookie policy middleware.
        builder.Services.AddOptions<CookiePolicyOptions>().Configure<AppLinks>((o, links) =>
            o.Secure = links.Root.Scheme == Uri.UriSchemeHttps ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest);

        // An explicit AllowedHosts wins (ASP.NET Core reads it after this); without one, the host of Site:BaseUrl
        // and this machine's own names, so that `dotnet run` and a local test host keep working.
        var configuredHosts = builder.Configuration["AllowedHosts"];
        builder.Services.AddOptions<HostFilteringOptions>().Configure<AppLinks>((o, links) =>
        {
            if (string.IsNullOrWhiteSpace(configuredHosts))
            {
                o.AllowedHosts = [links.Root.IdnHost, "localhost", "127.0.0.1", "[::1]"];
            }
        });
        return builder;
    }

    /// <summary>Forwarded headers first, so that everything after sees the client's scheme and address.</summary>
    public static WebApplication UseOnboardingProxySupport(this WebApplication app)
    {
        // With no known proxy and no known network the middleware believes every sender, so without configured
        // proxies it is left out altogether: the forwarded headers of anyone are ignored.
        var forwarding = app.Services.GetRequiredService<IOptions<ForwardedHeadersOptions>>().Value;
        if (forwarding.KnownProxies.Count > 0 || forwarding.KnownIPNetworks.Count > 0)
        {
            app.UseForwardedHeaders();
        }
        app.UseCookiePolicy();
        return app;
    }

    private static IEnumerable<string> Split(string list) =>
        list.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static IPAddress ParseAddress(string text) =>
        IPAddress.TryParse(text, out var address)
            ? address
            : throw new OptionsValidationException(ProxyOptions.Section, typeof(ProxyOptions),
                [$"Proxy:KnownProxies: '{text}' is not an IP address; give the proxies' addresses separated by commas, e.g. 10.0.0.5,10.0.0.6."]);

    private static System.Net.IPNetwork ParseNetwork(string text) =>
        System.Net.IPNetwork.TryParse(text, out var network)
            ? network
            : throw new OptionsValidationException(ProxyOptions.Section, typeof(ProxyOptions),
                [$"Proxy:KnownNetworks: '{text}' is not a network; give networks in CIDR form separated by commas, e.g. 10.0.0.0/8."]);
}
