namespace Samverkan.Forums.Events;

/// <summary>
/// This service's copy of an institution's current name, kept current by the Institutions
/// service's events, so reading a forum needs no call to another service. <see cref="Sequence"/>
/// is the producer's sequence of the event that wrote it: an older event never overwrites a newer one.
/// </summary>
public sealed record InstitutionNameCopy(string Id, string Name, string? Abbreviation, long Sequence);
