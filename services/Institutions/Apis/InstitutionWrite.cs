using Microsoft.Extensions.Options;
using Samverkan.Institutions.Model;
using Samverkan.Storage;
using Samverkan.Text;
using Samverkan.Writes;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Samverkan.Institutions.Apis;

/// <summary>What every institution write needs, bound as one parameter (<c>[AsParameters]</c>).</summary>
public sealed record InstitutionWrite(
    HttpContext Context, VersionedWrites<Institution> Writes, DocumentCollection<Institution> Institutions, TimeProvider Clock,
    IOptions<JsonOptions> Json, CancellationToken Cancellation)
{
    public DateOnly Today => SwedishDate.Today(Clock);
}
