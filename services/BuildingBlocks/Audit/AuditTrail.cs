using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Samverkan.Audit.Privacy;
using Samverkan.ServiceDefaults.Auth;
using Samverkan.Storage;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Samverkan.Audit;

/// <summary>
/// Writes audit records. <see cref="Record"/> returns a write to commit together with the change
/// itself, so a change is never stored without its record and a refused or failed one leaves
/// none. The collection is append-only: no API changes or removes a record.
/// </summary>
public sealed class AuditTrail(IHttpContextAccessor http, TimeProvider clock, IHostEnvironment environment, IOptions<JsonOptions> json)
{
    public const string Collection = "_audit";

    private readonly string service = environment.ApplicationName.Split('.')[^1].ToLowerInvariant();

    /// <summary>
    /// The record of a change made by the current caller; <paramref name="before"/> is null for a
    /// creation, <paramref name="after"/> for a removal. Both are serialized as the API shows them.
    /// </summary>
    public AppendDocument Record(string action, string entityType, string entityId, object? before, object? after)
    {
        var caller = http.HttpContext is { } context ? context.Caller() : Caller.Anonymous;
        var beforeNode = ToNode(before);
        var afterNode = ToNode(after);
        var changed = AuditDiff.ChangedFields(beforeNode, afterNode);
        if (PersonalData.Concerns(entityType))
        {
            Mask(beforeNode);
            Mask(afterNode);
        }
        var record = new AuditRecord(
            Id: "",
            At: clock.GetUtcNow(),
            Service: service,
            Actor: new AuditActor(caller.Subject ?? "anonymous", caller.Roles, caller.Organisations, caller.Partner),
            Action: action,
            Entity: new AuditEntity(entityType, entityId),
            Changed: changed,
            Before: beforeNode,
            After: afterNode,
            TraceId: Activity.Current?.TraceId.ToHexString());
        return new AppendDocument(Collection, JsonSerializer.Serialize(record, json.Value.SerializerOptions), AuditTags.Of(record));
    }

    /// <summary>
    /// The record of the change an event of type <c>samverkan.&lt;entity&gt;.&lt;action&gt;.v1</c>
    /// announces, so the audit trail and the events speak one vocabulary.
    /// </summary>
    public AppendDocument RecordChange(string eventType, string entityId, object? before, object? after)
    {
        var parts = eventType.Split('.');
        return parts is ["samverkan", var entity, var action, _]
            ? Record(action, entity, entityId, before, after)
            : throw new ArgumentException($"'{eventType}' is not of the form samverkan.<entity>.<action>.v<n>.", nameof(eventType));
    }

    private JsonNode? ToNode(object? value) =>
        value is null ? null : JsonSerializer.SerializeToNode(value, value.GetType(), json.Value.SerializerOptions);

    private static void Mask(JsonNode? node)
    {
        if (node is JsonObject resource)
        {
            PersonalData.Mask(resource);
        }
    }
}

/// <summary>The lookup keys of an audit record: its entity, its entity type and its actor.</summary>
public static class AuditTags
{
    public static string Entity(string type, string id) => $"entity:{type}:{id}";

    public static string Type(string type) => $"type:{type}";

    public static string Actor(string subject) => $"actor:{subject}";

    public static string[] Of(AuditRecord record) =>
        [Entity(record.Entity.Type, record.Entity.Id), Type(record.Entity.Type), Actor(record.Actor.Subject)];
}
