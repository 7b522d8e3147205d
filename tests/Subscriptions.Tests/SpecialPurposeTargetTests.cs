using System.Net;
using Samverkan.Local;
using Samverkan.Subscriptions.Webhooks;

namespace Samverkan.Subscriptions.Tests;

/// <summary>
/// The webhook target rule over the whole of the IANA IPv4 and IPv6 Special-Purpose Address
/// Registries (as of 2025, every entry, globally reachable or not), multicast, and the
/// translation forms that carry an IPv4 address. The list here is copied from the registries,
/// not from the code, so a range the code's table misses fails.
/// </summary>
public class SpecialPurposeTargetTests
{
    public static TheoryData<string> RegistryRanges => new()
    {
        // IPv4 Special-Purpose Address Registry
        "0.0.0.0/8", "0.0.0.0/32", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12",
        "192.0.0.0/24", "192.0.0.0/29", "192.0.0.8/32", "192.0.0.9/32", "192.0.0.10/32", "192.0.0.170/32", "192.0.0.171/32",
        "192.0.2.0/24", "192.31.196.0/24", "192.52.193.0/24", "192.88.99.0/24", "192.168.0.0/16", "192.175.48.0/24",
        "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24", "240.0.0.0/4", "255.255.255.255/32",
        // IPv4 multicast
        "224.0.0.0/4",
        // IPv6 Special-Purpose Address Registry (the translation forms are below)
        "::1/128", "::/128", "100::/64", "100:0:0:1::/64", "2001::/23", "2001::/32", "2001:1::1/128", "2001:1::2/128", "2001:1::3/128",
        "2001:2::/48", "2001:3::/32", "2001:4:112::/48", "2001:10::/28", "2001:20::/28", "2001:30::/28", "2001:db8::/32",
        "2620:4f:8000::/48", "3fff::/20", "5f00::/16", "fc00::/7", "fe80::/10",
        // IPv6 multicast, and site-local (deprecated, never reassigned)
        "ff00::/8", "fec0::/10",
    };

    [Theory]
    [MemberData(nameof(RegistryRanges))]
    public void The_first_last_and_a_middle_address_of_every_special_purpose_range_are_refused(string range)
    {
        foreach (var address in Samples(IPNetwork.Parse(range)))
        {
            Assert.False(TargetPolicy.IsPublic(address), $"{address} (in {range}) was accepted.");
        }
    }

    [Theory]
    [InlineData("::ffff:10.0.0.1")]
    [InlineData("::ffff:100.64.0.1")]
    [InlineData("::ffff:169.254.169.254")]
    [InlineData("::ffff:224.0.0.1")]
    [InlineData("::10.0.0.1")]
    [InlineData("::127.0.0.1")]
    [InlineData("::100.64.0.1")]
    [InlineData("64:ff9b::10.0.0.1")]
    [InlineData("64:ff9b::127.0.0.1")]
    [InlineData("64:ff9b::100.64.0.1")]
    [InlineData("64:ff9b::192.0.2.1")]
    [InlineData("64:ff9b:1:a00:0:100::")] // 10.0.0.1 in the local-use prefix (RFC 6052, /48)
    [InlineData("64:ff9b:1:7f00:0:100::")] // 127.0.0.1
    [InlineData("2002:a00:1::1")] // 6to4 of 10.0.0.1
    [InlineData("2002:7f00:1::1")] // 127.0.0.1
    [InlineData("2002:a9fe:a9fe::1")] // 169.254.169.254
    [InlineData("2002:6440:1::1")] // 100.64.0.1
    public void A_translation_form_carrying_a_special_purpose_ipv4_address_is_refused(string address) =>
        Assert.False(TargetPolicy.IsPublic(IPAddress.Parse(address)));

    [Theory]
    [InlineData("9.9.9.9")]
    [InlineData("100.63.255.255")]
    [InlineData("100.128.0.0")]
    [InlineData("172.15.255.255")]
    [InlineData("172.32.0.0")]
    [InlineData("198.17.255.255")]
    [InlineData("198.20.0.0")]
    [InlineData("223.255.255.255")]
    [InlineData("2001:200::1")]
    [InlineData("2003::1")]
    [InlineData("2a00:1450:4001:81c::200e")]
    [InlineData("::ffff:9.9.9.9")]
    [InlineData("::9.9.9.9")]
    [InlineData("64:ff9b::9.9.9.9")]
    [InlineData("64:ff9b:1:909:9:900::")] // 9.9.9.9 in the local-use prefix
    [InlineData("2002:909:909::1")]
    public void A_public_address_or_a_translation_form_carrying_one_is_accepted(string address) =>
        Assert.True(TargetPolicy.IsPublic(IPAddress.Parse(address)));

    [Fact]
    public void The_table_in_the_partner_docs_is_the_table_the_code_refuses()
    {
        var docs = File.ReadAllLines(Path.Combine(PlatformOptions.FindRepositoryRoot(AppContext.BaseDirectory), "docs", "partners.md"));
        var documented = docs
            .Where(line => line.StartsWith("| `", StringComparison.Ordinal))
            .Select(line => line.Split('|')[1].Trim().Trim('`'))
            .Where(cell => IPNetwork.TryParse(cell, out _));

        Assert.Equal(TargetPolicy.SpecialRanges.Select(range => range.Prefix), documented);
    }

    /// <summary>The network's first and last address, and one with a fixed pattern in the host bits.</summary>
    private static IEnumerable<IPAddress> Samples(IPNetwork network)
    {
        var first = network.BaseAddress.GetAddressBytes();
        var last = (byte[])first.Clone();
        var middle = (byte[])first.Clone();
        for (var bit = network.PrefixLength; bit < first.Length * 8; bit++)
        {
            var mask = (byte)(0x80 >> (bit % 8));
            last[bit / 8] |= mask;
            if (bit % 3 == 0)
            {
                middle[bit / 8] |= mask;
            }
        }
        return [new IPAddress(first), new IPAddress(last), new IPAddress(middle)];
    }
}
