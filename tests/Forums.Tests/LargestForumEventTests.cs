using System.Net;
using Samverkan.Events;
using Samverkan.Forums.Events;
using Samverkan.Forums.Model;
using Samverkan.TestSupport;
using static Samverkan.Forums.Model.ForumBounds;

namespace Samverkan.Forums.Tests;

/// <summary>
/// The largest forum <see cref="ForumBounds"/> allow, written through the real service, makes an
/// event every event route accepts: every list at its largest count, every text at its longest
/// in the characters JSON escapes worst, participants with the longest institution names.
/// </summary>
public sealed class LargestForumEventTests(ForumsFixture fixture) : IClassFixture<ForumsFixture>
{
    private const int OneMiB = 1024 * 1024;

    [Fact]
    public async Task The_largest_valid_forum_is_accepted_and_its_event_stays_under_a_quarter_of_the_event_limit()
    {
        var text = await EventSize.WorstTextAsync();
        var institutions = await CreateInstitutionsAsync(MaxParticipants + 1 + MaxNonParticipants, text);
        var body = LargestForum(text, institutions);

        using var response = await fixture.Client.PostJsonAsync("/api/forums", body);

        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var forum = await response.ReadJsonAsync<ForumResponse>();
        Assert.Equal(MaxParticipants, forum.Participants.Count);
        Assert.Equal(MaxMeetingDates, forum.MeetingDates.Count);
        Assert.All(forum.Participants, participant => Assert.Equal(Institutions.NameLength, participant.InstitutionName!.Length));
        var bytes = await EventSize.OutboxBytesAsync(ForumEvents.Announce(ForumEvents.Updated, forum));
        Assert.True(bytes < OneMiB, $"The largest forum's event has {bytes} bytes.");
        Assert.True(bytes < EventLimits.MaxEventBytes);
    }

    [Theory]
    [InlineData("participants")]
    [InlineData("regionIds")]
    [InlineData("professions")]
    [InlineData("cooperationKinds")]
    [InlineData("meetingDates")]
    public async Task One_entry_more_than_a_list_may_hold_is_refused_naming_the_list(string list)
    {
        var day = new DateOnly(2001, 1, 1);
        object entries = list switch
        {
            "participants" => Enumerable.Repeat(new { institutionId = "umea-universitet", capacity = "member" }, MaxParticipants + 1),
            "regionIds" => Enumerable.Repeat("norra", MaxRegionIds + 1),
            "professions" => Enumerable.Repeat("Läkare", MaxProfessions + 1),
            "cooperationKinds" => Enumerable.Repeat("jointReporting", MaxCooperationKinds + 1),
            _ => Enumerable.Range(0, MaxMeetingDates + 1).Select(i => day.AddDays(i)),
        };
        var body = new Dictionary<string, object> { ["name"] = $"Överfullt forum {Guid.NewGuid():N}", ["regionIds"] = new[] { "norra" }, [list] = entries };

        using var response = await fixture.Client.PostJsonAsync("/api/forums", body);

        await ProblemAssert.NamesFieldsAsync(response, list);
    }

    [Fact]
    public async Task A_forum_of_eight_thousand_participants_is_refused_naming_participants()
    {
        var participants = Enumerable.Range(0, 8000).Select(i => new { institutionId = $"institution-{i}", capacity = "member" });

        using var response = await fixture.Client.PostJsonAsync("/api/forums", new { name = "Jätteforum", regionIds = new[] { "norra" }, participants });

        await ProblemAssert.NamesFieldsAsync(response, "participants");
    }

    /// <summary>Institutions with the longest name and abbreviation, so the names the event carries per participant are as long as they can be.</summary>
    private async Task<List<string>> CreateInstitutionsAsync(int count, Func<int, string> text)
    {
        var client = fixture.ClientFor("institutions");
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            using var response = await client.PostJsonAsync("/api/institutions", new
            {
                name = $"{i:D4}{text(Institutions.NameLength - 4)}",
                abbreviation = text(Institutions.AbbreviationLength),
                kind = "other",
            });
            Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
            ids.Add((await response.ReadJsonAsync<Created>()).Id);
        }
        return ids;
    }

    private static object LargestForum(Func<int, string> text, List<string> institutions)
    {
        // Yesterday: "not in the future" is judged by the Swedish date, which may be ahead of UTC.
        var yesterday = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1);
        return new
        {
            name = text(NameLength),
            abbreviation = text(AbbreviationLength),
            regionIds = new[] { "stockholm", "sydostra", "sodra", "vastra", "uppsala-orebro", "norra" },
            parentDescription = text(ParentDescriptionLength),
            participants = institutions.Take(MaxParticipants).Select(id => new
            {
                institutionId = id,
                capacity = "representedVia",
                viaInstitutionId = institutions[^1],
                from = new DateOnly(1900, 1, 1),
                to = yesterday,
                note = text(ParticipantNoteLength),
                seats = MaxSeats,
            }),
            nonParticipants = institutions.Skip(MaxParticipants).Take(MaxNonParticipants).Select(id => new { institutionId = id, note = text(ParticipantNoteLength) }),
            predecessors = Enumerable.Range(0, MaxPredecessors).Select(i => new { name = $"{i:D2}{text(NameLength - 2)}", change = "reformed", until = "before 2001-01-01", note = text(ParticipantNoteLength) }),
            purpose = text(PurposeLength),
            background = text(BackgroundLength),
            startYear = EarliestYear,
            formalBasis = new { kind = "other", description = text(FormalBasisDescriptionLength), year = 2100 },
            meetings = new
            {
                min = MaxMeetingsPerPeriod, max = MaxMeetingsPerPeriod, per = "year", form = "mixed", description = text(MeetingsDescriptionLength),
                parts = Enumerable.Repeat(new { min = MaxMeetingsPerPeriod, max = MaxMeetingsPerPeriod, per = "year", form = "online", note = text(ParticipantNoteLength) }, MaxMeetingParts),
            },
            kind = "otherBody",
            chair = new { description = text(ChairDescriptionLength), rotation = text(ChairRotationLength) },
            secretary = text(SecretaryLength),
            municipalitiesTakePart = "some",
            cooperationKinds = Enum.GetNames<CooperationKind>().Select(kind => char.ToLowerInvariant(kind[0]) + kind[1..]),
            professions = Enumerable.Range(0, MaxProfessions).Select(i => $"{i:D2}{text(ProfessionLength - 2)}"),
            status = "dormant",
            lastMeetingOn = yesterday,
            statusNote = text(StatusNoteLength),
            provenance = new { verifiedBy = text(VerifiedByLength), verifiedOn = yesterday, source = text(SourceLength) },
            website = "https://example.se/" + new string('x', WebsiteLength - 19),
            meetingDates = Enumerable.Range(0, MaxMeetingDates).Select(i => yesterday.AddDays(-i)),
        };
    }

    /// <summary>The Institutions service's bounds (InstitutionBounds; this project cannot reference a second web app).</summary>
    private static class Institutions
    {
        public const int NameLength = 200;
        public const int AbbreviationLength = 30;
    }

    private sealed record Created(string Id);
}
