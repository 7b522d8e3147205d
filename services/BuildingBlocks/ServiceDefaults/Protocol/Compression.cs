using System.IO.Compression;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.DependencyInjection;

namespace Samverkan.ServiceDefaults.Protocol;

/// <summary>
/// gzip and Brotli for the text the platform answers (docs/api.md, "Compression"). Every
/// process compresses its own answers; the gateway forwards the client's Accept-Encoding, so a
/// service's body reaches the client compressed by that service, and the gateway's middleware
/// leaves it alone (it never compresses an answer that already has a Content-Encoding): the
/// work is done once, where the body is made, and the gateway spends its CPU on its own pages.
/// </summary>
public static class Compression
{
    /// <summary>
    /// What is compressed. Not text/event-stream (the change stream must reach the client event
    /// by event; a compressor holds bytes back until its buffer fills) and not application/grpc
    /// (gRPC has its own per-message compression).
    /// </summary>
    public static readonly IReadOnlyList<string> MediaTypes =
    [
        "application/json",
        "application/problem+json",
        "text/csv",
        "text/html",
        "text/plain",
        "text/css",
        "text/javascript",
        "application/javascript",
    ];

    public static IServiceCollection AddSamverkanCompression(this IServiceCollection services)
    {
        services.AddResponseCompression(options =>
        {
            // BREACH needs a secret the browser sends by itself (a cookie) beside text the attacker
            // chooses; callers here authenticate with headers a cross-site page cannot make a
            // browser send, so compressing over HTTPS reveals nothing. Behind a TLS-terminating
            // proxy the request is plain HTTP anyway.
            options.EnableForHttps = true;
            options.MimeTypes = MediaTypes;
            // Brotli first: when a client accepts both with the same weight, the first provider wins.
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
        });
        // Fastest: answers are small JSON pages made per request; Optimal costs several times the
        // CPU for a few per cent, on two shared cores.
        services.Configure<BrotliCompressionProviderOptions>(options => options.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(options => options.Level = CompressionLevel.Fastest);
        return services;
    }
}
