using Samverkan.Coverage.Analysis;
using Samverkan.Coverage.Model;

namespace Samverkan.Coverage.Exports;

/// <summary>
/// The whole registry as one JSON document for national staff (GET /api/exports/registry.json):
/// regions with their members, the institutions named anywhere, every forum with its activity
/// and contact points, and the national coverage, all as on <see cref="AsOf"/>.
/// </summary>
public sealed record RegistryExport(
    DateTimeOffset ProducedAt,
    DateOnly AsOf,
    int DormantAfterMonths,
    IReadOnlyList<string> Notes,
    IReadOnlyList<ExportRegion> Regions,
    IReadOnlyList<InstitutionInfo> Institutions,
    IReadOnlyList<ExportForum> Forums,
    IReadOnlyList<ExportContact> InstitutionContacts,
    NationalCoverage Coverage)
{
    public const string ContactNote =
        "Contact points carry their function, what they are attached to, the owner and the verification date. " +
        "Personal fields (name, title, e-mail, phone) are never exported; ask the Contacts service, which applies its visibility rules.";

    public static RegistryExport From(ExportData data)
    {
        return new RegistryExport(
            data.ProducedAt, data.AsOf, data.DormantAfterMonths, [ContactNote, $"Names are those valid on {Dormancy.Iso(data.AsOf)}."],
            [.. data.Regions.Select(region => new ExportRegion(region.Id, region.Name, region.OrdinanceName, [.. region.Members.Select(member =>
                new ExportMember(member.InstitutionId, data.NameOf(member.InstitutionId), data.Institutions.GetValueOrDefault(member.InstitutionId)?.Kind,
                    member.Partial, member.Note))]))],
            [.. data.Institutions.Values.OrderBy(info => info.Id, StringComparer.Ordinal)],
            [.. data.Forums.Select(forum => new ExportForum(forum, data.ActivityOf(forum),
                [.. data.ContactsOf(forum).Select(ExportContact.From)]))],
            [.. data.Contacts.Where(contact => contact.ForumId is null).Select(ExportContact.From)],
            data.National);
    }
}

public sealed record ExportRegion(string Id, string Name, string OrdinanceName, IReadOnlyList<ExportMember> Members);

public sealed record ExportMember(string InstitutionId, string Name, string? Kind, bool Partial, string? Note);

/// <summary>
/// A forum as the Forums service announced it (participants by id: their names as on the
/// export's date are in <see cref="RegistryExport.Institutions"/>), its computed activity and contact points.
/// </summary>
public sealed record ExportForum(Forum Forum, Activity Activity, IReadOnlyList<ExportContact> Contacts);

/// <summary>A contact point without the person.</summary>
public sealed record ExportContact(
    string Id, string Kind, string? Function, string? ForumId, string? InstitutionId, string? OwnerInstitutionId,
    DateOnly? VerifiedOn, DateOnly? ValidFrom, DateOnly? ValidTo)
{
    public static ExportContact From(ContactRecord c) =>
        new(c.Id, c.Kind, c.Function, c.ForumId, c.InstitutionId, c.OwnerInstitutionId, c.VerifiedOn, c.ValidFrom, c.ValidTo);
}
