using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using Samverkan.Gateway.Topology;
using Samverkan.ServiceDefaults.Auth;

namespace Samverkan.Gateway.Audit;

public enum TrailState
{
    Read,
    Refused,
    Unavailable,
}

/// <summary>One record of a service's trail with the keys the merge orders by.</summary>
public sealed record TrailRecord(DateTimeOffset At, string Id, JsonObject Record);

/// <summary>What one service answered: its next records after the cursor, and whether more follow.</summary>
public sealed record ServiceTrail(string Service, TrailState State, int? StatusCode, IReadOnlyList<TrailRecord> Records, bool HasMore);

/// <summary>The filter every service's <c>GET /api/audit</c> takes.</summary>
public sealed record AuditQuery(string? Entity, string? Actor, int Limit);

/// <summary>Reads one page of each service's own <c>GET /api/audit</c>.</summary>
public static partial class ServiceTrails
{
    public const string Path = "/api/audit";

    // The caller's own credentials: each service checks again that the caller is national staff.
    private static readonly string[] ForwardedHeaders = ["Authorization", ApiKeyFormat.Header];

    public static async Task<ServiceTrail> ReadAsync(
        HttpClient client, ServiceTopology topology, string service, AuditQuery query, string? afterId, HttpRequest request,
        ILogger logger, CancellationToken cancellationToken)
    {
        var destination = topology.Destinations(service).FirstOrDefault();
        if (destination is null)
        {
            return Failed(service, TrailState.Unavailable, null);
        }
        var parameters = new Dictionary<string, string?>
        {
            ["entity"] = query.Entity,
            ["actor"] = query.Actor,
            ["limit"] = query.Limit.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["cursor"] = afterId is null ? null : AuditCursor.Encode(afterId),
        };
        var uri = QueryHelpers.AddQueryString(destination.Resolve(Path).ToString(), parameters.Where(p => !string.IsNullOrEmpty(p.Value)));
        using var message = new HttpRequestMessage(HttpMethod.Get, uri);
        foreach (var header in ForwardedHeaders)
        {
            if (request.Headers.TryGetValue(header, out var values))
            {
                message.Headers.TryAddWithoutValidation(header, values.ToArray());
            }
        }
        try
        {
            using var response = await client.SendAsync(message, cancellationToken);
            switch (response.StatusCode)
            {
                case HttpStatusCode.OK:
                    return await ParseAsync(service, response, cancellationToken);
                case HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden:
                    return Failed(service, TrailState.Refused, (int)response.StatusCode);
                default:
                    LogUnavailable(logger, service, (int)response.StatusCode);
                    return Failed(service, TrailState.Unavailable, (int)response.StatusCode);
            }
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or InvalidOperationException or FormatException
            || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            LogUnreadable(logger, e, service);
            return Failed(service, TrailState.Unavailable, null);
        }
    }

    private static async Task<ServiceTrail> ParseAsync(string service, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var page = JsonNode.Parse(await response.Content.ReadAsStreamAsync(cancellationToken)) as JsonObject
            ?? throw new JsonException("The audit page is not an object.");
        var items = page["items"] as JsonArray ?? throw new JsonException("The audit page has no items.");
        var records = items
            .Select(item => item as JsonObject ?? throw new JsonException("An audit record is not an object."))
            .Select(record => new TrailRecord(Required(record, "at").GetValue<DateTimeOffset>(), Required(record, "id").GetValue<string>(), record))
            .ToList();
        return new ServiceTrail(service, TrailState.Read, 200, records, HasMore: page["nextCursor"] is JsonValue);
    }

    private static JsonValue Required(JsonObject record, string field) =>
        record[field] as JsonValue ?? throw new JsonException($"An audit record has no {field}.");

    private static ServiceTrail Failed(string service, TrailState state, int? statusCode) => new(service, state, statusCode, [], HasMore: false);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The audit trail of {Service} answered {StatusCode}")]
    private static partial void LogUnavailable(ILogger logger, string service, int statusCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The audit trail of {Service} could not be read")]
    private static partial void LogUnreadable(ILogger logger, Exception exception, string service);
}
