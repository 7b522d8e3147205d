using System.Text.RegularExpressions;
using Samverkan.Http;

namespace Samverkan.Subscriptions.Feed;

/// <summary>
/// Which event types a reader wants: each pattern is an exact type
/// (<c>samverkan.forum.updated.v1</c>) or a prefix ending in <c>*</c> (<c>samverkan.forum.*</c>);
/// no pattern (or <c>*</c>) means every type.
/// </summary>
public sealed partial class TypeFilter
{
    private const int MaxPatterns = 50;
    private const int MaxPatternLength = 200;
    private readonly IReadOnlyList<string> _patterns;

    private TypeFilter(IReadOnlyList<string> patterns) => _patterns = patterns;

    public static TypeFilter All { get; } = new([]);

    public bool Matches(string type) => _patterns.Count == 0 || _patterns.Any(pattern =>
        pattern.EndsWith('*') ? type.StartsWith(pattern[..^1], StringComparison.Ordinal) : type == pattern);

    /// <summary>A comma-separated query value, e.g. <c>types=samverkan.forum.*,samverkan.region.created.v1</c>.</summary>
    public static TypeFilter Parse(string? commaSeparated, string field, Validation validation) =>
        string.IsNullOrWhiteSpace(commaSeparated) ? All : Parse(commaSeparated.Split(','), field, validation, indexed: false);

    /// <summary>A JSON array of patterns; errors name the element (<c>types[1]</c>).</summary>
    public static TypeFilter Parse(IReadOnlyList<string>? patterns, string field, Validation validation) =>
        patterns is null ? All : Parse(patterns, field, validation, indexed: true);

    /// <summary>Patterns stored with a subscription (already validated).</summary>
    public static TypeFilter Of(IReadOnlyList<string> patterns) => new(patterns.Where(p => p != "*").ToList());

    /// <summary>Validates and normalizes (trimmed, without duplicates) patterns for storing.</summary>
    public static IReadOnlyList<string> Normalize(IReadOnlyList<string>? patterns) =>
        (patterns ?? []).Select(p => p.Trim()).Distinct(StringComparer.Ordinal).ToList();

    private static TypeFilter Parse(IReadOnlyList<string> patterns, string field, Validation validation, bool indexed)
    {
        if (patterns.Count > MaxPatterns)
        {
            validation.Add(field, $"At most {MaxPatterns} types.");
            return All;
        }
        var valid = new List<string>();
        for (var i = 0; i < patterns.Count; i++)
        {
            var pattern = patterns[i]?.Trim() ?? "";
            if (pattern.Length > MaxPatternLength || !PatternSyntax().IsMatch(pattern))
            {
                validation.Add(indexed ? $"{field}[{i}]" : field,
                    $"'{Shorten(pattern)}' is not an event type or a prefix ending in '*' (e.g. samverkan.forum.*).");
            }
            else if (pattern != "*")
            {
                valid.Add(pattern);
            }
        }
        return new TypeFilter(valid);
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..60] + "…";

    [GeneratedRegex(@"^(\*|[A-Za-z0-9][A-Za-z0-9._-]*\*?)$")]
    private static partial Regex PatternSyntax();
}
