using Samverkan.Forums.Model;
using Samverkan.Text;
using Samverkan.TestSupport;
using static Samverkan.TestSupport.Shapes;

namespace Samverkan.Forums.Tests;

/// <summary>
/// A forum field lives in three shapes: what a client sends (<see cref="ForumInput"/>), what is
/// stored (<see cref="Forum"/>) and what is read and carried in events (<see cref="ForumResponse"/>),
/// mapped by name. These tests make a field added to one shape, or left out of a mapping, fail
/// here rather than silently drop a value (<see cref="Shapes"/>).
/// </summary>
public class ForumShapeTests
{
    [Fact]
    public void The_three_shapes_have_the_same_fields_in_the_same_order_besides_id_and_version()
    {
        var input = Names<ForumInput>();

        Assert.Equal(["Id", .. input], Names<Forum>());
        string[] history = ["MeetingDates", "ApproximateMeetings"];
        Assert.Equal(["Id", .. input.Where(name => !history.Contains(name)), "Version", .. history], Names<ForumResponse>());
    }

    [Fact]
    public void Every_field_sent_is_stored_and_read_back_unchanged()
    {
        var input = EveryFieldSet();

        var forum = input.ToForum("prov-forum");
        var read = ForumResponse.From(forum, 7, new Dictionary<string, InstitutionName>());

        AssertCarried(input, [], forum);
        AssertCarried(input, ["Participants"], read);
        var participant = Assert.Single(read.Participants);
        Assert.Equal(input.Participants![0], new Participant(participant.InstitutionId, participant.Capacity, participant.ViaForumId,
            participant.ViaInstitutionId, participant.From, participant.To, participant.Note, participant.Seats));
    }

    /// <summary>A forum with every field set to a value other than its default.</summary>
    private static ForumInput EveryFieldSet() => new()
    {
        Name = "Provforum",
        Abbreviation = "PF",
        RegionIds = ["norra"],
        ParentId = "nrf",
        ParentDescription = "Under förbundsdirektionen",
        Participants = [new Participant("umea-universitet", ParticipationCapacity.RepresentedVia, "fui-radet", "region-vasterbotten",
            new DateOnly(2015, 1, 1), new DateOnly(2030, 12, 31), "Via rådet", Seats: 2)],
        Purpose = "Samverkan om VFU",
        Background = "Bildat efter avtal",
        StartYear = 2012,
        FormalBasis = new FormalBasis(FormalBasisKind.VfuAgreement, "VFU-avtal", 2012),
        Meetings = new Meetings(4, 5, MeetingPeriod.Term, MeetingForm.Mixed, "4–5 per termin", [new MeetingPart(2, 3, MeetingPeriod.Term, MeetingForm.Online, "Digitalt")]),
        Chair = new Chair("Prorektor", "Växlar årligen"),
        Secretary = "Kansliet",
        MunicipalitiesTakePart = MunicipalityParticipation.Some,
        CooperationKinds = [CooperationKind.JointReporting],
        Professions = ["Sjuksköterska"],
        Status = ForumStatus.Dormant,
        LastMeetingOn = new DateOnly(2018, 5, 5),
        StatusNote = "Vilande sedan 2018",
        Provenance = new Provenance("Kansliet", new DateOnly(2018, 10, 24), "Kartläggningen 2018", ImpreciseDate.Parse("2018-spring")),
        Website = "https://example.se/provforum",
        MeetingDates = [new DateOnly(2017, 3, 3), new DateOnly(2018, 5, 5)],
        ApproximateMeetings = [ImpreciseDate.Parse("2016-autumn"), ImpreciseDate.Parse("before 2015-06-30")],
        Kind = ForumKind.OtherBody,
        Predecessors = [new Predecessor("Tidigare rådet", PredecessorChange.Reformed, ImpreciseDate.Parse("2012"), "Ombildat")],
        NonParticipants = [new NonParticipant("mittuniversitetet", "Deltar inte")],
        WishedCooperationKinds = [CooperationKind.JointAdvocacy],
        AbsentCooperationKinds = [CooperationKind.InformationExchange],
        ContactAvailability = ContactAvailability.NotKnown,
    };
}
