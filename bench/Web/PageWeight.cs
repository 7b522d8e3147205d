using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Samverkan.Bench.Web;

/// <summary>
/// What a browser transfers for a page on its first visit, as sent (compressed where the
/// response is compressed, headers included): the HTML, and every style sheet, script and icon
/// it names (all of this origin: the app's policy allows no other).
/// </summary>
public sealed partial class PageWeight(Uri gateway) : IDisposable
{
    private readonly HttpClient client = new(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.None }) { BaseAddress = gateway };

    public sealed record Weight(long HtmlBytes, long AssetBytes)
    {
        public long Total => HtmlBytes + AssetBytes;
    }

    public async Task<Weight> MeasureAsync(string path)
    {
        var (html, htmlBytes) = await GetAsync(path);
        long assets = 0;
        foreach (var asset in Assets().Matches(Encoding.UTF8.GetString(html)).Select(match => match.Groups["url"].Value).Distinct(StringComparer.Ordinal))
        {
            assets += (await GetAsync(asset)).Sent;
        }
        return new Weight(htmlBytes, assets);
    }

    /// <returns>The body decoded, and the bytes sent for it (body as sent plus headers).</returns>
    private async Task<(byte[] Body, long Sent)> GetAsync(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.AcceptEncoding.ParseAdd("br, gzip");
        using var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var sent = await response.Content.ReadAsByteArrayAsync();
        var headers = response.Headers.ToString().Length + response.Content.Headers.ToString().Length;
        return (Decode(sent, response.Content.Headers.ContentEncoding.FirstOrDefault()), sent.Length + headers);
    }

    private static byte[] Decode(byte[] sent, string? encoding)
    {
        if (encoding is null)
        {
            return sent;
        }
        using var input = new MemoryStream(sent);
        using Stream decoder = encoding == "br" ? new BrotliStream(input, CompressionMode.Decompress) : new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        decoder.CopyTo(output);
        return output.ToArray();
    }

    [GeneratedRegex("""<(?:link|script)[^>]+(?:href|src)="(?<url>/?[^":]+)"[^>]*>""")]
    private static partial Regex Assets();

    public void Dispose() => client.Dispose();
}
