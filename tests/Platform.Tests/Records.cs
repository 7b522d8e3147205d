namespace Samverkan.Platform.Tests;

/// <summary>The parts of the public resources these tests read.</summary>
public sealed record RegionMember(string InstitutionId, bool Partial);

public sealed record Region(string Id, string Name, IReadOnlyList<RegionMember> Members);

public sealed record Institution(string Id, string Name);

public sealed record Participant(string InstitutionId, string? InstitutionName);

public sealed record Forum(string Id, string Name, IReadOnlyList<Participant> Participants);
