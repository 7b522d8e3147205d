using Samverkan.Text;

namespace Samverkan.Http;

/// <summary>
/// Collects field errors for one request; empty means valid. Every text goes through
/// <see cref="PlainText"/>'s rule, every date through <see cref="DateRange"/>, and every list has
/// a largest count with no null entries, so no value a check let through can fail later.
/// </summary>
public sealed class Validation
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool IsValid => _errors.Count == 0;

    public Validation Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var messages))
        {
            _errors[field] = messages = [];
        }
        messages.Add(message);
        return this;
    }

    /// <summary>Text that must be given: null, blank, or only control and zero-width characters count as empty.</summary>
    public Validation Required(string field, string? value, int maxLength = 500)
    {
        if (value is null || !PlainText.HasVisibleCharacter(value))
        {
            return Add(field, "This field is required.");
        }
        return MaxLength(field, value, maxLength);
    }

    /// <summary>Optional text of at most <paramref name="maxLength"/> UTF-16 characters, under <see cref="PlainText"/>'s rule.</summary>
    public Validation MaxLength(string field, string? value, int maxLength)
    {
        if (value is null)
        {
            return this;
        }
        if (value.Length > maxLength)
        {
            Add(field, $"At most {maxLength} characters.");
        }
        if (PlainText.FirstForbidden(value) is var at and >= 0)
        {
            Add(field, $"Character {at} is not allowed: no control characters but tab and line breaks, no unpaired surrogates.");
        }
        return this;
    }

    /// <summary>
    /// A list of at most <paramref name="maxCount"/> entries, none of them null (a null entry is
    /// named by its index, <c>participants[0]</c>). A missing list is not checked here.
    /// </summary>
    public Validation List<T>(string field, IReadOnlyList<T>? items, int maxCount)
    {
        if (items is null)
        {
            return this;
        }
        if (items.Count > maxCount)
        {
            return Add(field, $"At most {maxCount} entries.");
        }
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is null)
            {
                Add($"{field}[{i}]", "An entry cannot be null.");
            }
        }
        return this;
    }

    /// <summary>A list of texts that must each be given (<see cref="Required"/>), at most <paramref name="maxCount"/> of them.</summary>
    public Validation TextList(string field, IReadOnlyList<string>? items, int maxCount, int maxLength)
    {
        if (items is null || items.Count > maxCount)
        {
            return List(field, items, maxCount);
        }
        for (var i = 0; i < items.Count; i++)
        {
            Required($"{field}[{i}]", items[i], maxLength);
        }
        return this;
    }

    /// <summary>A date within <see cref="DateRange"/>, and not after <paramref name="notAfter"/> when given.</summary>
    public Validation Date(string field, DateOnly? value, DateOnly? notAfter = null) =>
        value is { } date && DateRange.Problem(date, notAfter) is { } problem ? Add(field, problem) : this;

    /// <summary>
    /// A date known as precisely as its source gives it: the first day it may have been must not be
    /// after <paramref name="notAfter"/> (today, for something held or verified).
    /// </summary>
    public Validation Date(string field, ImpreciseDate? value, DateOnly notAfter) =>
        value is { } date && (date.Earliest ?? date.Anchor.AddDays(-1)) > notAfter
            ? Add(field, $"Not after {notAfter.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}: not in the future.")
            : this;

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public Validation Range(string field, int? value, int min, int max) =>
        value is { } number && (number < min || number > max) ? Add(field, $"Between {min} and {max}.") : this;

    public Validation Period(string field, DateOnly? from, DateOnly? to)
    {
        if (from is not null && to is not null && to < from)
        {
            Add(field, "The end date is before the start date.");
        }
        return this;
    }

    public Dictionary<string, string[]> Errors =>
        _errors.ToDictionary(pair => pair.Key, pair => pair.Value.ToArray(), StringComparer.Ordinal);
}
