using Samverkan.Web.Formatting;

namespace Samverkan.Web.Api;

/// <summary>The registry's public reads (anyone may make them; personal data only with a right to it).</summary>
public sealed partial class RegistryApi
{
    public Task<IReadOnlyList<Region>> RegionsAsync(CancellationToken cancellationToken) =>
        ListAsync<Region>("api/regions", cancellationToken);

    public Task<Versioned<Region>?> RegionAsync(string id, CancellationToken cancellationToken) =>
        GetAsync<Region>($"api/regions/{Escape(id)}", cancellationToken);

    /// <summary>The six regions' coverage side by side, as the registry stood on <paramref name="asOf"/> (today when null).</summary>
    public Task<Versioned<NationalCoverage>?> NationalCoverageAsync(DateOnly? asOf, CancellationToken cancellationToken) =>
        GetAsync<NationalCoverage>(QueryPath.With("api/coverage", ("asOf", QueryPath.AsOf(asOf))), cancellationToken);

    /// <summary>The region's county councils and universities with their coverage and every forum they take part in (the matrix), as the registry stood on <paramref name="asOf"/> (today when null).</summary>
    public Task<Versioned<RegionCoverage>?> RegionCoverageAsync(string id, DateOnly? asOf, CancellationToken cancellationToken) =>
        GetAsync<RegionCoverage>(QueryPath.With($"api/coverage/regions/{Escape(id)}", ("include", "matrix"), ("asOf", QueryPath.AsOf(asOf))), cancellationToken);

    /// <summary>The region's coverage without the matrix: primary forums, the unrepresented, counts.</summary>
    public Task<Versioned<RegionCoverageSummary>?> RegionCoverageSummaryAsync(string id, DateOnly? asOf, CancellationToken cancellationToken) =>
        GetAsync<RegionCoverageSummary>(QueryPath.With($"api/coverage/regions/{Escape(id)}", ("asOf", QueryPath.AsOf(asOf))), cancellationToken);

    /// <summary>One page of the region's county councils and universities, each with the forums it takes part in (the matrix's rows).</summary>
    public Task<Versioned<Page<InstitutionCoverage>>?> RegionCoverageRowsAsync(string id, DateOnly? asOf, string? cursor, int limit, CancellationToken cancellationToken) =>
        GetAsync<Page<InstitutionCoverage>>(
            QueryPath.With($"api/coverage/regions/{Escape(id)}/institutions", ("limit", QueryPath.Number(limit)), ("asOf", QueryPath.AsOf(asOf)), ("cursor", cursor)),
            cancellationToken);

    /// <summary>The fewest contact points that reach every county council and university of the region.</summary>
    public Task<Versioned<ReachPlan>?> ReachPlanAsync(string id, DateOnly? asOf, CancellationToken cancellationToken) =>
        GetAsync<ReachPlan>(QueryPath.With($"api/coverage/regions/{Escape(id)}/reach", ("asOf", QueryPath.AsOf(asOf))), cancellationToken);

    /// <summary>Institutions whose current or former name matches <paramref name="query"/> (the API's <c>q</c>).</summary>
    public Task<IReadOnlyList<Institution>> SearchInstitutionsAsync(string query, CancellationToken cancellationToken) =>
        ListAsync<Institution>($"api/institutions?q={Escape(query)}", cancellationToken);

    public Task<IReadOnlyList<Institution>> InstitutionsAsync(string? region, CancellationToken cancellationToken) =>
        ListAsync<Institution>(region is null ? "api/institutions" : $"api/institutions?region={Escape(region)}", cancellationToken);

    public Task<Versioned<Institution>?> InstitutionAsync(string id, CancellationToken cancellationToken) =>
        GetAsync<Institution>($"api/institutions/{Escape(id)}", cancellationToken);

    public Task<IReadOnlyList<Forum>> SearchForumsAsync(string query, CancellationToken cancellationToken) =>
        ListAsync<Forum>($"api/forums?q={Escape(query)}", cancellationToken);

    /// <summary>The forums of a region, an institution or a parent, as they stood on <paramref name="asOf"/> (as stored when null).</summary>
    public Task<IReadOnlyList<Forum>> ForumsAsync(ForumFilter filter, string id, CancellationToken cancellationToken, DateOnly? asOf = null) =>
        ListAsync<Forum>(QueryPath.With("api/forums", (filter.ToString().ToLowerInvariant(), id), ("asOf", QueryPath.AsOf(asOf))), cancellationToken);

    /// <summary>One forum as it stood on <paramref name="asOf"/> (as stored when null); null when it did not exist then.</summary>
    public Task<Versioned<Forum>?> ForumAsync(string id, CancellationToken cancellationToken, DateOnly? asOf = null) =>
        GetAsync<Forum>(QueryPath.With($"api/forums/{Escape(id)}", ("asOf", QueryPath.AsOf(asOf))), cancellationToken);

    public Task<IReadOnlyList<Contact>> ContactsAsync(ContactFilter filter, string id, CancellationToken cancellationToken) =>
        ListAsync<Contact>($"api/contacts?{filter.ToString().ToLowerInvariant()}={Escape(id)}", cancellationToken);

    public Task<Versioned<Contact>?> ContactAsync(string id, CancellationToken cancellationToken) =>
        GetAsync<Contact>($"api/contacts/{Escape(id)}", cancellationToken);

    /// <summary>The API's stale-contact threshold (its default age) with the owner's stale contacts, so the app calls stale what the API does.</summary>
    public Task<Versioned<StaleContacts>?> StaleContactsAsync(string owner, CancellationToken cancellationToken) =>
        GetAsync<StaleContacts>($"api/contacts/stale?owner={Escape(owner)}", cancellationToken);
}

public enum ForumFilter
{
    Region,
    Institution,
    Parent,
}

public enum ContactFilter
{
    Forum,
    Institution,
    Owner,
}
