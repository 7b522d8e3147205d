using Samverkan.ServiceDefaults.OpenApi;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Samverkan.Http;
using Samverkan.ServiceDefaults.Auth;
using Samverkan.Storage;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Samverkan.Audit;

/// <summary>
/// This service's audit trail, oldest first, for national staff. The gateway's <c>/api/audit</c>
/// merges the trails of every service. Read-only by design: there is no route that writes.
/// </summary>
public static class AuditApi
{
    /// <summary>This API's group in the document.</summary>
    public static readonly ApiTag Tag = new("Audit", "Who changed what in this service, and when; national staff only.");

    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/audit", ListAsync)
            .RequireAuthorization(Policies.RegistryAdmin)
            .WithTag(Tag)
            .WithSummary("Audit records of this service; entity is a type (contact) or type:id (contact:rur-ordforande), actor a subject");
        return app;
    }

    private static async Task<Results<Ok<Page<AuditRecord>>, ValidationProblem>> ListAsync(
        string? entity, string? actor, string? cursor, int? limit, IDocumentStore store, IOptions<JsonOptions> json, CancellationToken ct)
    {
        var validation = new Validation();
        var (afterId, take) = Paging.Parse(cursor, limit, validation);
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }
        var entityTag = entity switch
        {
            null or "" => null,
            _ when entity.IndexOf(':') is var colon and > 0 => AuditTags.Entity(entity[..colon], entity[(colon + 1)..]),
            _ => AuditTags.Type(entity),
        };
        var actorTag = string.IsNullOrEmpty(actor) ? null : AuditTags.Actor(actor);
        var records = store.QueryAsync(AuditTrail.Collection, new DocumentQuery(entityTag ?? actorTag, afterId), ct)
            .Select(stored => JsonSerializer.Deserialize<AuditRecord>(stored.Json, json.Value.SerializerOptions)! with { Id = stored.Id })
            .Where(record => actorTag is null || entityTag is null || record.Actor.Subject == actor);
        var page = await Paging.TakeAsync(records, take, record => record.Id, ct);
        return TypedResults.Ok(page);
    }
}
