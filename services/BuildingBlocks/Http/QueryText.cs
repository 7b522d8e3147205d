
namespace Samverkan.Http;

/// <summary>
/// Bounds of text query parameters, so a filter is held to the same text rule as stored text
/// (<see cref="Text.PlainText"/>) and a 100,000-character search is a 400, not a long scan.
/// </summary>
public static class QueryText
{
    /// <summary>Free-text search (<c>q</c>).</summary>
    public const int MaxSearchLength = 200;

    /// <summary>A filter naming an entry by id (<c>region</c>, <c>institution</c>, <c>forum</c>...).</summary>
    public const int MaxIdLength = 100;

    public static Validation Search(this Validation validation, string field, string? value) =>
        validation.MaxLength(field, value, MaxSearchLength);

    public static Validation Id(this Validation validation, string field, string? value) =>
        validation.MaxLength(field, value, MaxIdLength);
}
