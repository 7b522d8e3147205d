using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace Samverkan.Gateway.Security;

/// <summary>
/// The client's address behind a reverse proxy (the Kubernetes Ingress controller): from
/// <c>X-Forwarded-For</c> (and the scheme from <c>X-Forwarded-Proto</c>), taken only from a
/// connection whose address is in <c>ForwardedHeaders:KnownProxies</c> or
/// <c>ForwardedHeaders:KnownNetworks</c>. None are trusted by default, not even loopback
/// (ASP.NET Core's own default): a client that could reach the gateway directly would otherwise
/// choose its own address, and with it escape the per-address limits
/// (<see cref="ClientRateLimits"/>, <see cref="FailedAuthenticationLimit"/>) and the audit's view
/// of where a request came from.
/// </summary>
public static class ForwardedClientAddress
{
    public static IHostApplicationBuilder AddForwardedClientAddress(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ForwardedHeadersSettings>().BindConfiguration(ForwardedHeadersSettings.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<ForwardedHeadersSettings>, ForwardedHeadersSettingsValidator>();
        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ForwardedHeadersSettings>>((options, settings) =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.ForwardLimit = settings.Value.ForwardLimit;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in settings.Value.KnownProxies)
            {
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            }
            foreach (var network in settings.Value.KnownNetworks)
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        return builder;
    }

    /// <summary>First in the pipeline, so everything after it sees the client's address; nothing at all when no proxy is trusted.</summary>
    public static WebApplication UseForwardedClientAddress(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<ForwardedHeadersSettings>>().Value.TrustsAnyProxy)
        {
            app.UseForwardedHeaders();
        }
        return app;
    }
}

/// <summary>Section <c>ForwardedHeaders</c>: the proxies whose forwarded headers the gateway believes (none by default).</summary>
public sealed class ForwardedHeadersSettings
{
    public const string Section = "ForwardedHeaders";

    /// <summary>Proxy addresses, such as <c>10.0.0.5</c>.</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Proxy networks in CIDR notation, such as <c>10.244.0.0/16</c> (the pod network the Ingress controller runs in).</summary>
    public string[] KnownNetworks { get; set; } = [];

    /// <summary>How many proxies in a row are read back through <c>X-Forwarded-For</c>: 1, the Ingress controller alone, unless more stand in front of it.</summary>
    public int ForwardLimit { get; set; } = 1;

    public bool TrustsAnyProxy => KnownProxies.Length > 0 || KnownNetworks.Length > 0;
}

/// <summary>Stops the gateway at start on an address or network that does not parse, and on one that trusts every address.</summary>
internal sealed class ForwardedHeadersSettingsValidator : IValidateOptions<ForwardedHeadersSettings>
{
    public ValidateOptionsResult Validate(string? name, ForwardedHeadersSettings options)
    {
        var problems = new List<string>();
        problems.AddRange(options.KnownProxies.Where(proxy => !IPAddress.TryParse(proxy, out _))
            .Select(proxy => $"ForwardedHeaders:KnownProxies holds '{proxy}', which is not an IP address."));
        foreach (var network in options.KnownNetworks)
        {
            if (!System.Net.IPNetwork.TryParse(network, out var parsed))
            {
                problems.Add($"ForwardedHeaders:KnownNetworks holds '{network}', which is not a network in CIDR notation (10.244.0.0/16).");
            }
            else if (parsed.PrefixLength == 0)
            {
                problems.Add($"ForwardedHeaders:KnownNetworks holds '{network}', which trusts every address: any client could then choose its own. Name the proxies' network.");
            }
        }
        if (options.ForwardLimit < 1)
        {
            problems.Add("ForwardedHeaders:ForwardLimit must be at least 1.");
        }
        return problems.Count > 0 ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
    }
}
