extern alias ContactsService;
extern alias ForumsService;
extern alias InstitutionsService;
extern alias RegionsService;

using ContactsService::Samverkan.Contacts.Model;
using ForumsService::Samverkan.Forums.Model;
using InstitutionsService::Samverkan.Institutions.Model;
using RegionsService::Samverkan.Regions.Model;
using Samverkan.Storage;
using Samverkan.Storage.Sqlite;

namespace Samverkan.Bench.Coverage;

/// <summary>
/// A registry <c>scale</c> times the seed, written into fresh SQLite files through the storage
/// port with the services' own model types and lookup tags. The seed itself is included; every
/// seeded institution gets <c>scale − 1</c> synthetic copies with the same kind and region
/// memberships; forums and contacts are filled up to the counts asked for, in the seed's shapes
/// (sub-groups, representation through another forum, participation periods, meeting histories
/// and verification dates spread over the last three years, so both answers occur).
/// </summary>
public sealed class SyntheticRegistry(string repositoryRoot, string dataDirectory, int scale, int forumCount, int contactCount, DateOnly today)
{
    private const int Batch = 5_000;
    private readonly Random random = new(20181024);

    public sealed record Counts(int Regions, int Institutions, int Forums, int Contacts);

    public async Task<Counts> WriteAsync()
    {
        var institutions = Institutions();
        var regions = Regions();
        var forums = Forums(regions, institutions.ToDictionary(i => i.Id));
        var contacts = Contacts(forums, institutions);
        await WriteAsync("regions", regions, region => region.Id, null);
        await WriteAsync("institutions", institutions, institution => institution.Id, null);
        await WriteAsync("forums", forums, forum => forum.Id, forum => forum.Tags());
        await WriteAsync("contacts", contacts, contact => contact.Id, contact => contact.Tags());
        return new Counts(regions.Count, institutions.Count, forums.Count, contacts.Count);
    }

    /// <summary>What a registry written earlier holds.</summary>
    public static async Task<Counts> CountAsync(string dataDirectory)
    {
        async Task<int> Count(string collection)
        {
            using var store = new SqliteDocumentStore(Path.Combine(dataDirectory, $"{collection}.db"));
            return await store.QueryAsync(collection, new DocumentQuery()).CountAsync();
        }
        return new Counts(await Count("regions"), await Count("institutions"), await Count("forums"), await Count("contacts"));
    }

    private IReadOnlyList<T> Seed<T>(string service, string file) =>
        SeedLoader.ReadFile<T>(Path.Combine(repositoryRoot, "services", service, "Seed", file));

    private static string Copy(string id, int k) => k == 0 ? id : $"{id}-{k:D3}";

    private List<Institution> Institutions() =>
        [.. Seed<Institution>("Institutions", "institutions.json").SelectMany(seed => Enumerable.Range(0, scale).Select(k => k == 0 ? seed
            : seed with { Id = Copy(seed.Id, k), Names = [.. seed.Names.Select(n => n with { Name = $"{n.Name} {k}" })], Lifecycle = [] }))];

    private List<Region> Regions() =>
        [.. Seed<Region>("Regions", "regions.json").Select(region => region with
        {
            Members = [.. Enumerable.Range(0, scale).SelectMany(k => region.Members.Select(m => m with { InstitutionId = Copy(m.InstitutionId, k) }))],
        })];

    private List<Forum> Forums(List<Region> regions, Dictionary<string, Institution> institutions)
    {
        var seed = Seed<Forum>("Forums", "forums.json");
        var forums = new List<Forum>(forumCount);
        // Copies of the seed's forums keep its shapes: Dialogforum copy k goes through RUR copy k.
        for (var k = 0; k < scale && forums.Count + seed.Count <= forumCount; k++)
        {
            forums.AddRange(seed.Select(f => k == 0 ? f : f with
            {
                Id = Copy(f.Id, k),
                Name = $"{f.Name} {k}",
                ParentId = f.ParentId is null ? null : Copy(f.ParentId, k),
                Participants = [.. f.Participants.Select(p => p with
                {
                    InstitutionId = Copy(p.InstitutionId, k), ViaForumId = p.ViaForumId is null ? null : Copy(p.ViaForumId, k),
                })],
                MeetingDates = Meetings(),
                LastMeetingOn = null,
            }));
        }
        var byRegion = regions.ToDictionary(r => r.Id, r => r.Members.Select(m => m.InstitutionId)
            .Where(id => institutions[id].Kind is InstitutionKind.CountyCouncil or InstitutionKind.University).ToArray());
        var regionIds = regions.Select(r => r.Id).ToArray();
        // Each region's forums so far, in the order written (a pass over every forum per new one was quadratic at 1,000 times the seed).
        var ofRegion = forums.GroupBy(f => f.RegionIds[0]).ToDictionary(group => group.Key, group => group.ToList());
        while (forums.Count < forumCount)
        {
            var region = regionIds[random.Next(regionIds.Length)];
            var members = byRegion[region];
            var participants = Enumerable.Range(0, random.Next(2, 13)).Select(_ => members[random.Next(members.Length)]).Distinct()
                .Select(id => new Participant(id, (ParticipationCapacity)random.Next(3), null, null,
                    random.Next(10) == 0 ? today.AddMonths(-random.Next(1, 60)) : null, null, null)).ToList();
            var siblings = ofRegion.GetValueOrDefault(region)?.TakeLast(50).ToList() ?? [];
            var parent = siblings.Count > 0 && random.Next(4) == 0 ? siblings[random.Next(siblings.Count)].Id : null;
            var forum = new Forum
            {
                Id = $"synthetic-{forums.Count:D5}",
                Name = $"Syntetiskt forum {forums.Count}",
                RegionIds = [region],
                ParentId = parent,
                Participants = participants,
                Purpose = "A synthetic forum for the benchmark.",
                FormalBasis = new FormalBasis(FormalBasisKind.Other, null, null),
                MunicipalitiesTakePart = MunicipalityParticipation.Unknown,
                CooperationKinds = [CooperationKind.InformationExchange],
                Status = ForumStatus.Active,
                Provenance = new Provenance("Benchmark", today.AddDays(-random.Next(0, 1100)), "Synthetic"),
                MeetingDates = Meetings(),
            };
            forums.Add(forum);
            (ofRegion.TryGetValue(region, out var list) ? list : ofRegion[region] = []).Add(forum);
        }
        return forums;
    }

    /// <summary>Up to twenty meetings over the last three years: about half the forums met in the last twelve months.</summary>
    private List<DateOnly> Meetings() =>
        [.. Enumerable.Range(0, random.Next(0, 21)).Select(_ => today.AddDays(-random.Next(0, 1100))).Distinct().Order()];

    private List<Contact> Contacts(List<Forum> forums, List<Institution> institutions)
    {
        var contacts = Seed<Contact>("Contacts", "contacts.json").ToList();
        var forumShare = contactCount * 6 / 10;
        for (var i = 0; contacts.Count < forumShare; i++)
        {
            contacts.Add(Function($"forum-contact-{i:D6}", $"Chair {i}", forums[random.Next(forums.Count)].Id, null, null));
        }
        for (var i = 0; contacts.Count < contactCount; i++)
        {
            var owner = institutions[random.Next(institutions.Count)].Id;
            contacts.Add(Function($"institution-contact-{i:D6}", $"HR director {i}", null, owner, owner));
        }
        return contacts;
    }

    private Contact Function(string id, string function, string? forumId, string? institutionId, string? owner) =>
        new()
        {
            Id = id,
            Kind = ContactKind.Function,
            Function = function,
            ForumId = forumId,
            InstitutionId = institutionId,
            OwnerInstitutionId = owner,
            ValidTo = random.Next(20) == 0 ? today.AddMonths(-random.Next(1, 24)) : null,
            VerifiedOn = today.AddDays(-random.Next(0, 1100)),
        };

    private async Task WriteAsync<T>(string collection, IReadOnlyList<T> items, Func<T, string> idOf, Func<T, IEnumerable<string>>? tagsOf) where T : class
    {
        // The launcher gives each service <data>/<service>.db; each collection here lives in the service of the same name.
        using var store = new SqliteDocumentStore(Path.Combine(dataDirectory, $"{collection}.db"));
        var documents = new DocumentCollection<T>(store, collection, idOf, tagsOf);
        foreach (var chunk in items.Chunk(Batch))
        {
            await store.CommitAsync([.. chunk.Select(documents.Insert)]);
        }
    }
}
