using Samverkan.Events;
using Samverkan.Institutions.Model;

namespace Samverkan.Institutions.Events;

/// <summary>The events this service publishes on topic <see cref="Topics.Institutions"/>; data is the institution as the API shows it.</summary>
public static class InstitutionEvents
{
    public const string Created = "samverkan.institution.created.v1";
    public const string Updated = "samverkan.institution.updated.v1";
    public const string Merged = "samverkan.institution.merged.v1";
    public const string Retired = "samverkan.institution.retired.v1";

    public static OutgoingEvent Announce(string type, Institution institution, long version) =>
        new(type, institution.Id, InstitutionResponse.From(institution, version));
}
