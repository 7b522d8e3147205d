using System.Text.Json.Nodes;
using Samverkan.Web.Formatting;

namespace Samverkan.Web.Api;

/// <summary>National staff's own tools: partners' API keys and the audit trail (the API refuses everyone else).</summary>
public sealed partial class RegistryApi
{
    public Task<IReadOnlyList<ApiKey>> ApiKeysAsync(CancellationToken cancellationToken) =>
        ListAsync<ApiKey>("api/api-keys", cancellationToken);

    public Task<(WriteResult Result, ApiKey? Value)> CreateApiKeyAsync(string partner, string? description, bool personalData, CancellationToken cancellationToken) =>
        WriteAsync<ApiKey>(HttpMethod.Post, "api/api-keys",
            Body(new JsonObject { ["partner"] = partner, ["description"] = description, ["personalData"] = personalData }), null, cancellationToken);

    public Task<WriteResult> RevokeApiKeyAsync(string id, CancellationToken cancellationToken) =>
        WriteAsync(HttpMethod.Delete, $"api/api-keys/{Escape(id)}", null, null, cancellationToken);

    /// <summary>One page of every service's audit trail, newest first, optionally for one entity (<c>contact:rur-ordforande</c>) or one actor (a subject).</summary>
    public Task<Versioned<Page<AuditRecord>>?> AuditAsync(string? entity, string? actor, string? cursor, int limit, CancellationToken cancellationToken) =>
        GetAsync<Page<AuditRecord>>(
            QueryPath.With("api/audit", ("limit", QueryPath.Number(limit)), ("entity", entity), ("actor", actor), ("cursor", cursor)), cancellationToken);
}
