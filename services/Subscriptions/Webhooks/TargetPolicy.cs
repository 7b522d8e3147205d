using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace Samverkan.Subscriptions.Webhooks;

/// <summary>
/// Keeps webhooks from being aimed inside the platform's network (SSRF): a target whose host
/// resolves to an address in any special-purpose range (<see cref="SpecialRanges"/>: loopback,
/// private, shared, link-local, documentation, multicast, ...) is refused when the subscription
/// is written, and again at every connection (a name may be re-pointed after the check: DNS
/// rebinding), unless <see cref="WebhookOptions.AllowPrivateTargets"/>.
/// </summary>
public sealed class TargetPolicy(IOptions<WebhookOptions> options)
{
    private const int MaxUrlLength = 2000;
    // Which range refused is not said: for a name, that would tell a caller about the platform's own network.
    private const string RefusedKinds = "loopback, private, shared, link-local, documentation, multicast or another range that is never a webhook target";

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
            : addresses.Any(address => !IsPublic(address)) ? $"The host '{uri.Host}' resolves to a special-purpose address ({RefusedKinds})."
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
                : $"Refused: '{host}' resolves to a special-purpose address ({RefusedKinds}).");
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

    /// <summary>
    /// Whether a webhook may go to the address: true unless it lies in a range of
    /// <see cref="SpecialRanges"/>. An address of a translation form (IPv4-mapped,
    /// IPv4-compatible, NAT64, 6to4) is judged as the IPv4 address it carries.
    /// </summary>
    public static bool IsPublic(IPAddress address) => SpecialRangeOf(address) is null;

    /// <summary>The range that refuses the address, or null when the address is public.</summary>
    private static SpecialRange? SpecialRangeOf(IPAddress address)
    {
        var range = SpecialRanges.FirstOrDefault(range => range.Network.Contains(address));
        return range?.CarriedIPv4 is { } carried ? SpecialRangeOf(carried(address.GetAddressBytes())) : range;
    }

    /// <summary>
    /// Every range of the IANA IPv4 and IPv6 Special-Purpose Address Registries, globally reachable
    /// or not (no webhook receiver lives in any of them), plus multicast and the deprecated IPv6
    /// site-local range; the first range holding an address decides. The same table is in
    /// docs/partners.md (a test keeps the two equal).
    /// </summary>
    public static IReadOnlyList<SpecialRange> SpecialRanges { get; } =
    [
        new("0.0.0.0/8", "This network (0.0.0.0 and what follows it)", "RFC 791"),
        new("10.0.0.0/8", "Private-Use", "RFC 1918"),
        new("100.64.0.0/10", "Shared Address Space (carrier-grade NAT)", "RFC 6598"),
        new("127.0.0.0/8", "Loopback", "RFC 1122"),
        new("169.254.0.0/16", "Link-Local (cloud metadata endpoints)", "RFC 3927"),
        new("172.16.0.0/12", "Private-Use", "RFC 1918"),
        new("192.0.0.0/24", "IETF Protocol Assignments (DS-Lite, PCP and TURN anycast, NAT64 discovery, ...)", "RFC 6890"),
        new("192.0.2.0/24", "Documentation (TEST-NET-1)", "RFC 5737"),
        new("192.31.196.0/24", "AS112-v4", "RFC 7535"),
        new("192.52.193.0/24", "AMT", "RFC 7450"),
        new("192.88.99.0/24", "Deprecated 6to4 Relay Anycast", "RFC 7526"),
        new("192.168.0.0/16", "Private-Use", "RFC 1918"),
        new("192.175.48.0/24", "Direct Delegation AS112 Service", "RFC 7534"),
        new("198.18.0.0/15", "Benchmarking", "RFC 2544"),
        new("198.51.100.0/24", "Documentation (TEST-NET-2)", "RFC 5737"),
        new("203.0.113.0/24", "Documentation (TEST-NET-3)", "RFC 5737"),
        new("224.0.0.0/4", "Multicast", "RFC 5771"),
        new("255.255.255.255/32", "Limited Broadcast", "RFC 919"),
        new("240.0.0.0/4", "Reserved", "RFC 1112"),
        new("::1/128", "Loopback", "RFC 4291"),
        new("::/128", "Unspecified", "RFC 4291"),
        new("::ffff:0:0/96", "IPv4-mapped: judged as the IPv4 address in its last 32 bits", "RFC 4291", bytes => IPv4(bytes, 12, 13, 14, 15)),
        new("::/96", "IPv4-compatible (deprecated): judged as the IPv4 address in its last 32 bits", "RFC 4291", bytes => IPv4(bytes, 12, 13, 14, 15)),
        new("64:ff9b::/96", "NAT64 well-known prefix: judged as the IPv4 address in its last 32 bits", "RFC 6052", bytes => IPv4(bytes, 12, 13, 14, 15)),
        new("64:ff9b:1::/48", "NAT64 local-use prefix: judged as the IPv4 address in bits 48-63 and 72-87", "RFC 8215", bytes => IPv4(bytes, 6, 7, 9, 10)),
        new("100::/64", "Discard-Only", "RFC 6666"),
        new("100:0:0:1::/64", "Dummy IPv6 Prefix", "RFC 9780"),
        new("2001::/23", "IETF Protocol Assignments (Teredo, benchmarking, AMT, AS112, ORCHIDv2, Drone Remote ID, ...)", "RFC 2928"),
        new("2001:db8::/32", "Documentation", "RFC 3849"),
        new("2002::/16", "6to4: judged as the IPv4 address in bits 16-47", "RFC 3056", bytes => IPv4(bytes, 2, 3, 4, 5)),
        new("2620:4f:8000::/48", "Direct Delegation AS112 Service", "RFC 7534"),
        new("3fff::/20", "Documentation", "RFC 9637"),
        new("5f00::/16", "Segment Routing (SRv6) SIDs", "RFC 9602"),
        new("fc00::/7", "Unique-Local", "RFC 4193"),
        new("fe80::/10", "Link-Local Unicast", "RFC 4291"),
        new("fec0::/10", "Site-Local (deprecated)", "RFC 3879"),
        new("ff00::/8", "Multicast", "RFC 4291"),
    ];

    private static IPAddress IPv4(byte[] bytes, params int[] at) => new(at.Select(i => bytes[i]).ToArray());

    private static async Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct) =>
        IPAddress.TryParse(host.Trim('[', ']'), out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, ct);
}

/// <summary>A special-purpose address range; <see cref="CarriedIPv4"/>, when set, reads the IPv4 address a translation form carries.</summary>
public sealed record SpecialRange(string Prefix, string Purpose, string Reference, Func<byte[], IPAddress>? CarriedIPv4 = null)
{
    public IPNetwork Network { get; } = IPNetwork.Parse(Prefix);
}
