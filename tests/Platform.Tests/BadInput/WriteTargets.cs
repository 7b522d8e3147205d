using System.Text;

namespace Samverkan.Platform.Tests.BadInput;

/// <summary>
/// A write endpoint with a valid body: its mutations must all be refused. <see cref="Required"/>
/// names the fields whose null is invalid (a null elsewhere means "not given"), <see cref="ReadBack"/>
/// the resource that must not change (null for a creation: the audit trail tells).
/// </summary>
public sealed record WriteTarget(
    string Name, HttpMethod Method, Func<TargetIds, string> Path, Func<TargetIds, string> Body, string[] Required, string AuditType,
    Func<TargetIds, string?> ReadBack)
{
    public override string ToString() => Name;
}

/// <summary>Every write endpoint with a body of Institutions, Forums and Contacts (Regions has none): adding one is one line.</summary>
public static class WriteTargets
{
    public const string InstitutionBody = """{"name":"Fuzzhögskolan","abbreviation":"FH","kind":"university","website":"https://fuzz.example.se","nameValidFrom":"2020-01-01"}""";

    public const string ForumBody = """
        {"name":"Fuzzforum","abbreviation":"FF","regionIds":["norra"],"parentDescription":"Under RUR",
         "participants":[{"institutionId":"umea-universitet","capacity":"member","from":"2019-01-01","to":"2020-12-31","note":"Since 2019"}],
         "purpose":"Fuzzing","background":"Tests","startYear":2015,
         "formalBasis":{"kind":"mandate","description":"A mandate","year":2016},
         "meetings":{"min":2,"max":4,"per":"year","form":"mixed","description":"Twice a year"},
         "chair":{"description":"The chair","rotation":"Yearly"},"secretary":"The secretary","municipalitiesTakePart":"some",
         "cooperationKinds":["informationExchange"],"professions":["Läkare"],"status":"active","lastMeetingOn":"2021-03-01",
         "statusNote":"Alive","provenance":{"verifiedBy":"RUR's chair","verifiedOn":"2021-03-02","source":"The mapping"},
         "website":"https://fuzz.example.se","meetingDates":["2020-03-01"]}
        """;

    private const string Person = """{"name":"Fuzz Person","title":"Chair","organisation":"Umeå universitet","email":"fuzz@example.se","phone":"+46 90 123"}""";

    public static string ContactBody(string forumId) =>
        $$"""{"kind":"person","function":"Chair","forumId":"{{forumId}}","person":{{Person}},"ownerInstitutionId":"umea-universitet","validFrom":"2020-01-01","validTo":"2030-01-01","verifiedOn":"2021-01-01","note":"Fuzz"}""";

    public static readonly IReadOnlyList<WriteTarget> All =
    [
        new("create institution", HttpMethod.Post, _ => "/api/institutions", _ => InstitutionBody, ["name", "kind"], "institution", _ => null),
        new("update institution", HttpMethod.Put, ids => $"/api/institutions/{ids.Institution}", _ => InstitutionBody, ["name", "kind"], "institution", Institution),
        new("merge institution", HttpMethod.Post, ids => $"/api/institutions/{ids.Institution}/merge",
            _ => """{"successorId":"umea-universitet","on":"2021-01-01","note":"Merged"}""", ["successorId"], "institution", Institution),
        new("record planned merger", HttpMethod.Post, ids => $"/api/institutions/{ids.Institution}/planned-mergers",
            _ => """{"dropped":true,"on":"2030-01-01","note":"Planned","relatedInstitutionIds":["umea-universitet"]}""", ["note"], "institution", Institution),
        new("create forum", HttpMethod.Post, _ => "/api/forums", _ => ForumBody, ["name", "regionIds", "participants[0].institutionId"], "forum", _ => null),
        new("update forum", HttpMethod.Put, ids => $"/api/forums/{ids.Forum}", _ => ForumBody, ["name", "regionIds", "participants[0].institutionId"], "forum", Forum),
        new("record meeting", HttpMethod.Post, ids => $"/api/forums/{ids.Forum}/meetings", _ => """{"on":"2021-06-01"}""", ["on"], "forum", Forum),
        new("create contact", HttpMethod.Post, _ => "/api/contacts", ids => ContactBody(ids.Forum), ["kind", "forumId", "person.name"], "contact", _ => null),
        new("update contact", HttpMethod.Put, ids => $"/api/contacts/{ids.Contact}", ids => ContactBody(ids.Forum), ["kind", "forumId", "person.name"], "contact", Contact),
    ];

    public static WriteTarget Named(string name) => All.Single(target => target.Name == name);

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static string Institution(TargetIds ids) => $"/api/institutions/{ids.Institution}";

    private static string Forum(TargetIds ids) => $"/api/forums/{ids.Forum}";

    private static string Contact(TargetIds ids) => $"/api/contacts/{ids.Contact}";
}
