using Samverkan.Forums.Model;
using Samverkan.ServiceDefaults.OpenApi;

namespace Samverkan.Forums.Apis;

/// <summary>
/// One valid body per input type, shown in the OpenAPI document; the contract tests send the
/// create and replace examples to a running platform, so they must stay accepted as they are
/// (the ids named are in the seed data).
/// </summary>
public static class RequestExamples
{
    public static void Register(RequestExampleOptions examples) => examples
        .Add(new ForumInput
        {
            Name = "Samverkansråd för vårdens kompetensförsörjning",
            Abbreviation = "SVK",
            RegionIds = ["stockholm"],
            Participants =
            [
                new Participant("region-stockholm", ParticipationCapacity.Member, null, null, new DateOnly(2020, 1, 1), null, null),
            ],
            Purpose = "Plans clinical placements together.",
            StartYear = 2020,
            FormalBasis = new FormalBasis(FormalBasisKind.PrincipleAgreement, "Agreement between the region and the university.", 2020),
            Meetings = new Meetings(4, 5, MeetingPeriod.Term, MeetingForm.Mixed, null),
            MunicipalitiesTakePart = MunicipalityParticipation.Some,
            CooperationKinds = [CooperationKind.OverallCooperation],
            Professions = ["sjuksköterska"],
            Status = ForumStatus.Active,
            Website = "https://www.example.se/samverkansrad",
        })
        .Add(new MeetingInput(new DateOnly(2026, 11, 20)));
}
