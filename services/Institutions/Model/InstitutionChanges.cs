using Samverkan.Http;
using static Samverkan.Institutions.Model.InstitutionBounds;

namespace Samverkan.Institutions.Model;

/// <summary>The rules for changing an institution. Pure: the API loads, applies, and stores.</summary>
public static class InstitutionChanges
{
    public static Validation Validate(InstitutionInput input)
    {
        var validation = new Validation()
            .Required("name", input.Name, NameLength)
            .MaxLength("abbreviation", input.Abbreviation, AbbreviationLength)
            .MaxLength("website", input.Website, WebsiteLength)
            .Date("nameValidFrom", input.NameValidFrom)
            .TextList("otherNames", input.OtherNames, MaxOtherNames, NameLength);
        if (input.Kind is null)
        {
            validation.Add("kind", "This field is required: countyCouncil, university, municipality, association or other.");
        }
        if (input.Website is not null && !Uri.TryCreate(input.Website, UriKind.Absolute, out _))
        {
            validation.Add("website", "An absolute URL, e.g. https://example.se.");
        }
        return validation;
    }

    public static Validation Validate(MergeInput input) => new Validation()
        .Required("successorId", input.SuccessorId, IdLength)
        .Date("on", input.On)
        .MaxLength("note", input.Note, NoteLength);

    /// <summary>A planned merger may lie ahead, so its date is only held to the registry's range.</summary>
    public static Validation Validate(PlannedMergerInput input) => new Validation()
        .Required("note", input.Note, NoteLength)
        .MaxLength("plannedName", input.PlannedName, NameLength)
        .Date("on", input.On)
        .TextList("relatedInstitutionIds", input.RelatedInstitutionIds, MaxRelatedInstitutions, IdLength);

    /// <summary>
    /// The institution a change would store, checked for what grows across writes: its names and
    /// its lifecycle. Named by the resource's fields, since no single request field is at fault.
    /// </summary>
    public static Validation ValidateStored(Institution institution)
    {
        var validation = new Validation();
        if (institution.Names.Count > MaxNames)
        {
            validation.Add("names", $"The institution already has {MaxNames} names, the most it may have: it cannot be renamed again.");
        }
        if (institution.Lifecycle.Count > MaxLifecycleEntries)
        {
            validation.Add("lifecycle", $"The institution already has {MaxLifecycleEntries} lifecycle entries, the most it may have.");
        }
        return validation;
    }

    public static Institution Create(string id, InstitutionInput input) => new(
        id, input.Kind!.Value, [new InstitutionName(input.Name!.Trim(), Blank(input.Abbreviation), input.NameValidFrom, null)],
        InstitutionStatus.Active, null, [], Blank(input.Website), OtherNamesOf(input, null));

    /// <summary>A changed name or abbreviation closes the current name and opens a new one, so the old stays searchable.</summary>
    public static Institution Update(Institution institution, InstitutionInput input, DateOnly today)
    {
        var current = institution.CurrentName();
        var name = input.Name!.Trim();
        var abbreviation = Blank(input.Abbreviation);
        var updated = institution with { Kind = input.Kind!.Value, Website = Blank(input.Website), OtherNames = OtherNamesOf(input, institution) };
        if (name == current.Name && abbreviation == current.Abbreviation)
        {
            return updated;
        }
        var from = input.NameValidFrom ?? today;
        var names = institution.Names.Select(n => n == current ? n with { ValidTo = from.AddDays(-1) } : n)
            .Append(new InstitutionName(name, abbreviation, from, null)).ToList();
        var note = $"Renamed from {current.Name} to {name}.";
        return updated with
        {
            Names = names,
            Lifecycle = [.. institution.Lifecycle, new LifecycleEntry(LifecycleType.Renamed, from, note, [])],
        };
    }

    /// <summary>The other names sent, trimmed and without duplicates; those recorded when none are sent.</summary>
    private static IReadOnlyList<string> OtherNamesOf(InstitutionInput input, Institution? recorded) =>
        input.OtherNames is { } sent
            ? [.. sent.Select(name => name.Trim()).Where(name => name.Length > 0).Distinct(StringComparer.Ordinal)]
            : recorded?.OtherNames ?? [];

    public static Institution Merge(Institution institution, MergeInput input, DateOnly today) => institution with
    {
        Status = InstitutionStatus.Merged,
        SuccessorId = input.SuccessorId,
        Lifecycle = [.. institution.Lifecycle, new LifecycleEntry(LifecycleType.Merged, input.On ?? today, input.Note, [input.SuccessorId!])],
    };

    public static Institution AddPlannedMerger(Institution institution, PlannedMergerInput input) => institution with
    {
        Lifecycle =
        [
            .. institution.Lifecycle,
            new LifecycleEntry(input.Dropped == true ? LifecycleType.PlannedMergerDropped : LifecycleType.PlannedMerger,
                input.On, input.Note, input.RelatedInstitutionIds ?? [], Blank(input.PlannedName)),
        ],
    };

    public static Institution Retire(Institution institution, DateOnly today) => institution with
    {
        Status = InstitutionStatus.Closed,
        Lifecycle = [.. institution.Lifecycle, new LifecycleEntry(LifecycleType.Closed, today, null, [])],
    };

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
