using System.Globalization;
using System.Text.Json;
using Grpc.Core;
using Microsoft.Extensions.Options;
using Samverkan.Contacts.Model;
using Samverkan.Contacts.Protos;
using Samverkan.Storage;

namespace Samverkan.Contacts.Grpc;

/// <summary>
/// Serves contact points to other services, which must never read this service's database.
/// Deliberately without the personal fields (the person and the note, which may name one):
/// they stay here, behind the REST API's visibility rule. Erased contacts are left out.
/// </summary>
public sealed class ContactDirectoryService(DocumentCollection<Contact> contacts, IOptions<StalenessOptions> staleness) : ContactDirectory.ContactDirectoryBase
{
    public override async Task<ListContactsReply> ListContacts(ListContactsRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var tags = request.ForumIds.Select(ContactTags.Forum).Concat(request.InstitutionIds.Select(ContactTags.Institution))
            .Distinct(StringComparer.Ordinal).ToList();
        var found = new SortedDictionary<string, Contact>(StringComparer.Ordinal);
        if (tags.Count == 0)
        {
            await foreach (var stored in contacts.QueryAsync(cancellationToken: ct))
            {
                found[stored.Value.Id] = stored.Value;
            }
        }
        foreach (var tag in tags)
        {
            await foreach (var stored in contacts.QueryAsync(tag: tag, cancellationToken: ct))
            {
                found[stored.Value.Id] = stored.Value;
            }
        }
        var reply = new ListContactsReply { StaleAfterMonths = staleness.Value.StaleAfterMonths };
        reply.Contacts.AddRange(found.Values.Where(contact => contact.ErasedOn is null).Select(ToContactPoint));
        return reply;
    }

    private static ContactPoint ToContactPoint(Contact contact) => new()
    {
        Id = contact.Id,
        Kind = JsonNamingPolicy.CamelCase.ConvertName(contact.Kind.ToString()),
        Function = contact.Function ?? "",
        ForumId = contact.ForumId ?? "",
        InstitutionId = contact.InstitutionId ?? "",
        OwnerInstitutionId = contact.OwnerInstitutionId ?? "",
        VerifiedOn = IsoDate(contact.VerifiedOn),
        ValidFrom = IsoDate(contact.ValidFrom),
        ValidTo = IsoDate(contact.ValidTo),
    };

    private static string IsoDate(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
}
