namespace Samverkan.ServiceDefaults.Problems;

/// <summary>Collects field errors for one request; empty means valid.</summary>
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

    public Validation Required(string field, string? value, int maxLength = 500)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return Add(field, "This field is required.");
        }
        return MaxLength(field, value, maxLength);
    }

    public Validation MaxLength(string field, string? value, int maxLength)
    {
        if (value is not null && value.Length > maxLength)
        {
            Add(field, $"At most {maxLength} characters.");
        }
        return this;
    }

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
