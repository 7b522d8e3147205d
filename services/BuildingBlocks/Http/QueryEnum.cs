using Samverkan.ServiceDefaults.Json;

namespace Samverkan.Http;

/// <summary>Query-string enum filters read by the same rule as the JSON: the camelCase name, exactly.</summary>
public static class QueryEnum
{
    public static TEnum? Parse<TEnum>(string field, string? value, Validation validation) where TEnum : struct, Enum
    {
        if (value is null)
        {
            return null;
        }
        if (EnumNames<TEnum>.TryParse(value, out var parsed))
        {
            return parsed;
        }
        validation.Add(field, $"One of: {EnumNames<TEnum>.Allowed}.");
        return null;
    }
}
