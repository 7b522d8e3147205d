using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Samverkan.ServiceDefaults.Versioning;

/// <summary>
/// An endpoint that answers one versioned resource with its version as a strong ETag; it answers
/// 304 Not Modified when If-None-Match names that ETag (<see cref="NotModified"/>).
/// </summary>
public sealed class ReadsVersionedMetadata;

/// <summary>
/// A write against one versioned resource: it honours If-Match (412 when stale), answers 404 for
/// an unknown id and 409 when another write landed between its read and its commit.
/// </summary>
public sealed class WritesVersionedMetadata;

/// <summary>
/// Route-table conventions that say how an endpoint treats versions, so the HTTP behaviour
/// (conditional requests) and the OpenAPI documents (headers, statuses) follow from one mark.
/// </summary>
public static class VersionedEndpoints
{
    public static TBuilder ReadsVersioned<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ReadsVersionedMetadata()).AddEndpointFilter(NotModified.FilterAsync);

    public static TBuilder WritesVersioned<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new WritesVersionedMetadata());
}
