namespace Samverkan.Web.Components.Shared;

/// <summary>A field someone else changed between the user's read and their save: what they saw, what is stored now, what they entered.</summary>
public sealed record ChangedField(string Label, string? Seen, string? Now, string? Yours)
{
    /// <summary>The fields whose stored value is no longer what the user's form was read with.</summary>
    public static IReadOnlyList<ChangedField> Between(params ChangedField[] fields) =>
        [.. fields.Where(field => !string.Equals(Blank(field.Seen), Blank(field.Now), StringComparison.Ordinal))];

    public static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
