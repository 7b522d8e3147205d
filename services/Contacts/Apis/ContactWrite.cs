using Microsoft.Extensions.Options;
using Samverkan.Contacts.Model;
using Samverkan.Forums.Protos;
using Samverkan.Institutions.Protos;
using Samverkan.ServiceDefaults.Auth;
using Samverkan.Text;
using Samverkan.Writes;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Samverkan.Contacts.Apis;

/// <summary>What every contact write needs, bound as one parameter (<c>[AsParameters]</c>).</summary>
internal sealed record ContactWrite(
    HttpContext Context, VersionedWrites<Contact> Writes, ForumDirectory.ForumDirectoryClient Forums,
    InstitutionDirectory.InstitutionDirectoryClient Institutions, TimeProvider Clock, IOptions<JsonOptions> Json,
    ILoggerFactory Loggers, CancellationToken Cancellation)
{
    public Caller Caller => Context.Caller();

    public ILogger Logger => Loggers.CreateLogger(typeof(ContactsApi));

    public DateOnly Today => SwedishDate.Today(Clock);
}
