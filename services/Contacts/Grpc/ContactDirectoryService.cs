using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Grpc.Core;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Samverkan.Audit.Privacy;
using Samverkan.Contacts.Model;
using Samverkan.Contacts.Protos;
using Samverkan.Events.Snapshots;
using Samverkan.Storage;

namespace Samverkan.Contacts.Grpc;

/// <summary>
/// Serves contact points to other services, which must never read this service's database.
/// Deliberately without the personal fields (the person and the note, which may name one):
/// they stay here, behind the REST API's visibility rule. Erased contacts are left out.
/// </summary>
public sealed class ContactDirectoryService(DocumentCollection<Contact> contacts, IOptions<StalenessOptions> staleness, IOptions<JsonOptions> json) : ContactDirectory.ContactDirectoryBase
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

    /// <summary>Every contact point, without its personal fields, as its events carry it, for a consumer's rebuild (EventSnapshot: the position is read first).</summary>
    public override async Task Snapshot(SnapshotRequest request, IServerStreamWriter<SnapshotChunk> responseStream, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var position = await EventSnapshot.PositionAsync(contacts.Store, ct);
        await foreach (var items in EventSnapshot.ChunksAsync(contacts.QueryAsync(cancellationToken: ct), stored => WithoutPerson(stored, json.Value.SerializerOptions), json.Value.SerializerOptions, ct))
        {
            await responseStream.WriteAsync(new SnapshotChunk { Position = position, Items = { items }, StaleAfterMonths = staleness.Value.StaleAfterMonths }, ct);
        }
    }

    /// <summary>An erased contact is left out, as in ListContacts; the others lose the person (PersonalData), which never leaves this service over gRPC.</summary>
    private static JsonObject? WithoutPerson(Versioned<Contact> stored, System.Text.Json.JsonSerializerOptions options)
    {
        if (stored.Value.ErasedOn is not null)
        {
            return null;
        }
        var data = JsonSerializer.SerializeToNode(ContactResponse.From(stored.Value, stored.Version), options)!.AsObject();
        PersonalData.Remove(data);
        return data;
    }
}
