using Samverkan.Text;

namespace Samverkan.Forums.Model;

/// <summary>
/// A collaboration forum, or another body the registry holds because the sources describe it
/// beside the forums (Södra's management group for joint healthcare matters and its HR working
/// groups, the KI–SLL management group). Other bodies are findable and shown, but never count for coverage.
/// </summary>
public enum ForumKind { Forum, OtherBody }

/// <summary>
/// How an earlier body became this one: <see cref="Reformed"/>, the same cooperation re-formed
/// (FUI-rådet from FoU-rådet in 2017, Kompetensrådet extended in 2017); <see cref="Replaced"/>,
/// an earlier, different body whose work this one took over (USB after the samverkansberedning).
/// </summary>
public enum PredecessorChange { Reformed, Replaced }

/// <summary>
/// What is known of a forum's contact points, which the Contacts service keeps:
/// <see cref="Listed"/>, they are what Contacts lists (possibly none yet); <see cref="NotKnown"/>,
/// the source keeps them where the registry has no copy (the 2018 report lists its contact persons
/// in an appendix); <see cref="NoneAppointed"/>, the source says there is none ("Någon utsedd
/// kontaktperson … finns inte").
/// </summary>
public enum ContactAvailability { Listed, NotKnown, NoneAppointed }

/// <summary>An earlier body and when it ended, as precisely as the source gives it; searching its name finds this forum.</summary>
public sealed record Predecessor(string Name, PredecessorChange Change, ImpreciseDate? Until, string? Note);

/// <summary>An institution a source says is not part of the forum ("Region Gotland, SU, KTH ... deltar inte"), with what it says.</summary>
public sealed record NonParticipant(string InstitutionId, string? Note);

/// <summary>
/// One part of a split meeting pattern: "two physical full-day meetings and two virtual ones a
/// year" is two parts, each with its count, period and form.
/// </summary>
public sealed record MeetingPart(int? Min, int? Max, MeetingPeriod? Per, MeetingForm? Form, string? Note);
