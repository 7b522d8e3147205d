using System.Text.Json;
using Samverkan.ServiceDefaults.Problems;

namespace Samverkan.ServiceDefaults.Http;

/// <summary>Query-string enum filters in the same camelCase spelling as the JSON.</summary>
public static class QueryEnum
{
    public static TEnum? Parse<TEnum>(string field, string? value, Validation validation) where TEnum : struct, Enum
    {
        if (value is null)
        {
            return null;
        }
        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            if (JsonNamingPolicy.CamelCase.ConvertName(candidate.ToString()) == value)
            {
                return candidate;
            }
        }
        var allowed = string.Join(", ", Enum.GetNames<TEnum>().Select(JsonNamingPolicy.CamelCase.ConvertName));
        validation.Add(field, $"One of: {allowed}.");
        return null;
    }
}
