using Samverkan.ServiceDefaults.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;
using Samverkan.Http;
using Samverkan.ServiceDefaults.Auth;
using Samverkan.Storage;
using Samverkan.Subscriptions.Model;
using Samverkan.Writes;

namespace Samverkan.Subscriptions.Apis;

/// <summary>
/// Partner API keys, managed by national staff. The key is in the answer to the create call
/// only: what is stored is the SHA-256 of its secret, which no answer, log or audit record shows.
/// Revoking keeps the record (with <c>revokedAt</c>); a revoked key no longer authenticates.
/// </summary>
public static class ApiKeysApi
{
    /// <summary>This API's group in the document.</summary>
    public static readonly ApiTag Tag = new("API keys", "Partner API keys, kept by national staff: the key is shown once, and revoked keys stop working within 30 seconds.");

    public const string AuditType = "api-key";

    public static IEndpointRouteBuilder MapApiKeysApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/api-keys").WithTag(Tag).RequireAuthorization(Policies.RegistryAdmin);
        api.MapGet("/", ListAsync).WithName("ListApiKeys").WithSummary("Every partner's API keys (partner filters), revoked ones included; never the key");
        api.MapGet("/{id}", GetAsync).WithName("GetApiKey").WithSummary("Read one API key's record; never the key").ReadsVersioned();
        api.MapPost("/", CreateAsync).WithName("CreateApiKey").WithSummary("A new key for a partner system; the answer holds the key, shown this once");
        api.MapDelete("/{id}", RevokeAsync).WithName("RevokeApiKey").WritesVersioned()
            .WithSummary("Revoke: the key stops authenticating; the record is kept with revokedAt");
        return app;
    }

    private static async Task<Results<Ok<Page<ApiKeyResponse>>, ValidationProblem>> ListAsync(
        string? partner, string? cursor, string? limit, DocumentCollection<ApiKey> keys, CancellationToken ct)
    {
        var validation = new Validation();
        var (afterId, take) = Paging.Parse(cursor, QueryValues.Limit(limit, validation), validation);
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }
        var tag = string.IsNullOrEmpty(partner) ? null : ApiKey.PartnerTag(partner);
        var page = await Paging.TakeAsync(keys.QueryAsync(tag, afterId, ct), take, stored => stored.Value.Id, ct);
        return TypedResults.Ok(new Page<ApiKeyResponse>(page.Items.Select(stored => ApiKeyResponse.From(stored.Value, stored.Version)).ToList(), page.NextCursor));
    }

    private static async Task<Results<Ok<ApiKeyResponse>, ProblemHttpResult>> GetAsync(
        string id, HttpContext context, DocumentCollection<ApiKey> keys, CancellationToken ct)
    {
        var stored = await keys.GetAsync(id, ct);
        if (stored is null)
        {
            return NotFoundProblem.For("API key", id);
        }
        context.SetETag(stored.Version);
        return TypedResults.Ok(ApiKeyResponse.From(stored.Value, stored.Version));
    }

    private static async Task<Results<Created<ApiKeyResponse>, ValidationProblem>> CreateAsync(
        ApiKeyInput input, HttpContext context, VersionedWrites<ApiKey> writes, TimeProvider clock, ILoggerFactory loggers, CancellationToken ct)
    {
        var validation = new Validation();
        var partner = SubscriptionRules.Blank(input.Partner);
        if (partner is null)
        {
            validation.Add("partner", "This field is required.");
        }
        else if (!PartnerId.IsValid(partner))
        {
            validation.Add("partner", PartnerId.Rule);
        }
        validation.MaxLength("description", input.Description, SubscriptionRules.MaxDescriptionLength);
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }
        // The id is part of the key, so it is never replaced by a free one: a collision is a conflict.
        var (keyId, secret) = ApiKeyFormat.Generate();
        var key = new ApiKey(keyId, partner!, SubscriptionRules.Blank(input.Description), input.PersonalData ?? false,
            clock.GetUtcNow(), null, ApiKeyFormat.Hash(secret));
        var created = await writes.InsertAsync(context, keyId, Change.To(WriteActions.Created, key), ct);
        loggers.CreateLogger(typeof(ApiKeysApi)).LogInformation(
            "Created API key {KeyId} for partner {Partner} (personal data: {PersonalData})", key.Id, key.Partner, key.PersonalData);
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.Created($"/api/api-keys/{key.Id}",
            ApiKeyResponse.From(key, created.Version) with { Key = ApiKeyFormat.Compose(keyId, secret) });
    }

    /// <summary>Revoking a revoked key changes nothing and answers 204 again, without a second audit record.</summary>
    private static async Task<Results<NoContent, ProblemHttpResult, ValidationProblem>> RevokeAsync(
        string id, HttpContext context, VersionedWrites<ApiKey> writes, TimeProvider clock, ILoggerFactory loggers, CancellationToken ct)
    {
        var revokesNow = false;
        var written = await writes.ChangeAsync(context, id, current =>
        {
            revokesNow = !current.Value.IsRevoked;
            return revokesNow ? Change.To(ApiKeyResource.Revoked, current.Value with { RevokedAt = clock.GetUtcNow() }) : Change<ApiKey>.None;
        }, ct);
        if (written.Stored is { } stored && revokesNow)
        {
            loggers.CreateLogger(typeof(ApiKeysApi)).LogInformation("Revoked API key {KeyId} of partner {Partner}", id, stored.Value.Partner);
        }
        return written.Answer(_ => TypedResults.NoContent());
    }
}
