using Samverkan.Audit;
using Samverkan.Http;
using Samverkan.ServiceDefaults.Auth;
using Samverkan.Storage;
using Samverkan.Subscriptions.Model;

namespace Samverkan.Subscriptions.Apis;

/// <summary>
/// Partner API keys, managed by national staff. The key is in the answer to the create call
/// only: what is stored is the SHA-256 of its secret, which no answer, log or audit record shows.
/// Revoking keeps the record (with <c>revokedAt</c>); a revoked key no longer authenticates.
/// </summary>
public static class ApiKeysApi
{
    public const string AuditType = "api-key";

    public static IEndpointRouteBuilder MapApiKeysApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/api-keys").WithTags("API keys").RequireAuthorization(Policies.RegistryAdmin);
        api.MapGet("/", ListAsync).WithSummary("Every partner's API keys (partner filters), revoked ones included; never the key");
        api.MapGet("/{id}", GetAsync).WithName("GetApiKey").ReadsVersioned();
        api.MapPost("/", CreateAsync).WithSummary("A new key for a partner system; the answer holds the key, shown this once");
        api.MapDelete("/{id}", RevokeAsync).WithSummary("Revoke: the key stops authenticating; the record is kept with revokedAt");
        return app;
    }

    private static async Task<IResult> ListAsync(string? partner, string? cursor, string? limit, DocumentCollection<ApiKey> keys, CancellationToken ct)
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

    private static async Task<IResult> GetAsync(string id, HttpContext context, DocumentCollection<ApiKey> keys, CancellationToken ct)
    {
        var stored = await keys.GetAsync(id, ct);
        if (stored is null)
        {
            return NotFoundProblem.For("API key", id);
        }
        context.SetETag(stored.Version);
        return TypedResults.Ok(ApiKeyResponse.From(stored.Value, stored.Version));
    }

    private static async Task<IResult> CreateAsync(
        ApiKeyInput input, HttpContext context, DocumentCollection<ApiKey> keys, AuditTrail audit, TimeProvider clock,
        ILoggerFactory loggers, CancellationToken ct)
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
        var (keyId, secret) = ApiKeyFormat.Generate();
        var key = new ApiKey(keyId, partner!, SubscriptionRules.Blank(input.Description), input.PersonalData ?? false,
            clock.GetUtcNow(), null, ApiKeyFormat.Hash(secret));
        var shown = ApiKeyResponse.From(key, 1);
        await keys.Store.CommitAsync([keys.Insert(key), audit.Record("created", AuditType, key.Id, null, shown)], ct);
        loggers.CreateLogger(typeof(ApiKeysApi)).LogInformation(
            "Created API key {KeyId} for partner {Partner} (personal data: {PersonalData})", key.Id, key.Partner, key.PersonalData);
        context.SetETag(1);
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.Created($"/api/api-keys/{key.Id}", shown with { Key = ApiKeyFormat.Compose(keyId, secret) });
    }

    /// <summary>Revoking a revoked key changes nothing and answers 204 again, without a second audit record.</summary>
    private static async Task<IResult> RevokeAsync(
        string id, HttpContext context, DocumentCollection<ApiKey> keys, AuditTrail audit, TimeProvider clock,
        ILoggerFactory loggers, CancellationToken ct)
    {
        var current = await keys.GetAsync(id, ct);
        if (current is null)
        {
            return NotFoundProblem.For("API key", id);
        }
        if (context.CheckIfMatch(current.Version) is { } failed)
        {
            return failed;
        }
        if (current.Value.IsRevoked)
        {
            return TypedResults.NoContent();
        }
        var revoked = current.Value with { RevokedAt = clock.GetUtcNow() };
        await keys.Store.CommitAsync([
            keys.Replace(revoked, current.Version),
            audit.Record("revoked", AuditType, id, ApiKeyResponse.From(current.Value, current.Version), ApiKeyResponse.From(revoked, current.Version + 1)),
        ], ct);
        loggers.CreateLogger(typeof(ApiKeysApi)).LogInformation("Revoked API key {KeyId} of partner {Partner}", id, revoked.Partner);
        return TypedResults.NoContent();
    }
}
