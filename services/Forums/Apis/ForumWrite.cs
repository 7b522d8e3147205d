using Microsoft.Extensions.Options;
using Samverkan.Forums.Model;
using Samverkan.Storage;
using Samverkan.Text;
using Samverkan.Writes;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Samverkan.Forums.Apis;

/// <summary>What every forum write needs, bound as one parameter (<c>[AsParameters]</c>).</summary>
public sealed record ForumWrite(
    HttpContext Context, VersionedWrites<Forum> Writes, DocumentCollection<Forum> Forums, ForumReferences References,
    InstitutionNames Names, TimeProvider Clock, IOptions<JsonOptions> Json, CancellationToken Cancellation)
{
    public DateOnly Today => SwedishDate.Today(Clock);
}
