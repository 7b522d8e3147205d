namespace Samverkan.Web.Components.Shared;

/// <summary>
/// A field someone else changed between the user's read and their save: what they saw, what is
/// stored now, and what they entered (null when they left it as they saw it: the form then takes
/// the stored value, so saving again cannot undo the other change by accident).
/// </summary>
public sealed record ChangedField(string Label, string? Seen, string? Now, string? Yours)
{
    /// <summary>The user's value if they changed the field, else null.</summary>
    public static string? Entered(string? seen, string? entered) =>
        string.Equals(Blank(seen), Blank(entered), StringComparison.Ordinal) ? null : entered ?? "";

    /// <summary>After a conflict, a field's new value: the user's entry if they changed it, otherwise what is stored now.</summary>
    public static string? Kept(string? seen, string? entered, string? now) => Entered(seen, entered) is null ? now : entered;

    /// <summary>The fields whose stored value is no longer what the user's form was read with.</summary>
    public static IReadOnlyList<ChangedField> Between(params ChangedField[] fields) =>
        [.. fields.Where(field => !string.Equals(Blank(field.Seen), Blank(field.Now), StringComparison.Ordinal))];

    public static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
