using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace Samverkan.Subscriptions.Webhooks;

/// <summary>
/// Keeps webhooks from being aimed inside the platform's network (SSRF): a target whose host
/// resolves to a loopback, private (RFC 1918, fc00::/7), link-local or unspecified address is
/// refused when the subscription is written, and again at every connection (a name may be
/// re-pointed after the check: DNS rebinding), unless <see cref="WebhookOptions.AllowPrivateTargets"/>.
/// </summary>
public sealed class TargetPolicy(IOptions<WebhookOptions> options)
{
    private const int MaxUrlLength = 2000;

    public bool AllowPrivateTargets => options.Value.AllowPrivateTargets;

    /// <summary>Why the URL cannot be a target, or null when it can.</summary>
    public async Task<string?> CheckUrlAsync(string url, CancellationToken ct)
    {
        if (url.Length > MaxUrlLength || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Host.Length == 0)
        {
            return "An absolute URL, e.g. https://partner.example/webhooks.";
        }
        if (uri.Scheme != Uri.UriSchemeHttps && !(uri.Scheme == Uri.UriSchemeHttp && AllowPrivateTargets))
        {
            return "The URL must use https.";
        }
        if (uri.UserInfo.Length > 0 || uri.Fragment.Length > 0)
        {
            return "The URL must not hold credentials or a fragment; authenticate deliveries by their signature.";
        }
        if (AllowPrivateTargets)
        {
            return null;
        }
        IPAddress[] addresses;
        try
        {
            addresses = await ResolveAsync(uri.IdnHost, ct);
        }
        catch (SocketException)
        {
            return $"The host '{uri.Host}' does not resolve.";
        }
        return addresses.Length == 0 ? $"The host '{uri.Host}' does not resolve."
            : addresses.Any(address => !IsPublic(address)) ? $"The host '{uri.Host}' resolves to a loopback, private, link-local or unspecified address."
            : null;
    }

    /// <summary>
    /// Opens the TCP connection for a delivery to an address that passes the policy, resolving
    /// the name here so the address checked is the address used.
    /// </summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = await ResolveAsync(host, ct);
        var allowed = AllowPrivateTargets ? addresses : addresses.Where(IsPublic).ToArray();
        if (allowed.Length == 0)
        {
            throw new HttpRequestException(addresses.Length == 0
                ? $"The host '{host}' does not resolve."
                : $"Refused: '{host}' resolves to a loopback, private, link-local or unspecified address.");
        }
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any))
        {
            return false;
        }
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return !(b[0] == 0                              // 0.0.0.0/8, "this network"
                || b[0] == 10                               // RFC 1918
                || (b[0] == 172 && (b[1] & 0xF0) == 16)     // RFC 1918: 172.16.0.0/12
                || (b[0] == 192 && b[1] == 168)             // RFC 1918
                || (b[0] == 169 && b[1] == 254));           // link-local
        }
        var first = address.GetAddressBytes()[0];
        return !(address.IsIPv6LinkLocal || address.IsIPv6SiteLocal
            || (first & 0xFE) == 0xFC);                     // unique local, fc00::/7
    }

    private static async Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct) =>
        IPAddress.TryParse(host.Trim('[', ']'), out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, ct);
}
