using Microsoft.Extensions.Options;
using Samverkan.Forums.Model;
using Samverkan.Http;
using Samverkan.Storage;

namespace Samverkan.Forums.Apis;

/// <summary>What the forum reads need to answer as of a date, bound as one parameter (<c>[AsParameters]</c>).</summary>
public sealed record ForumRead(InstitutionNames Names, TimeProvider Clock, IOptions<DormancyPeriod> Dormancy)
{
    /// <summary>The <c>asOf</c> date, or null when the read asks for the registry as it stands (the stored status).</summary>
    public DateOnly? AsOf(string? asOf, Validation validation) => asOf is null ? null : AsOfQuery.Parse(asOf, Clock, validation);

    /// <summary>The forum as shown on <paramref name="date"/> (as stored when null); null when it did not exist then.</summary>
    public Versioned<Forum>? Shown(Versioned<Forum> stored, DateOnly? date) =>
        date is not { } day ? stored
        : stored.Value.ExistedOn(day) ? stored with { Value = stored.Value.On(day, Dormancy.Value) }
        : null;
}
