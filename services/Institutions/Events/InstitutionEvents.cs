using Samverkan.Events;
using Samverkan.Institutions.Model;

namespace Samverkan.Institutions.Events;

/// <summary>
/// The events this service publishes on topic <see cref="Topics.Institutions"/>; data is the
/// institution as the API shows it. The type constants and what consumers read from the data
/// are in the linked contract (<c>InstitutionEventContract.cs</c>).
/// </summary>
public static partial class InstitutionEvents
{
    public static OutgoingEvent Announce(string type, Institution institution, long version) =>
        new(type, institution.Id, InstitutionResponse.From(institution, version));
}

/// <summary>Public here, internal in the consumers that link the contract.</summary>
public sealed partial record InstitutionEventData;
