using System.Globalization;
using Samverkan.Http;

namespace Samverkan.Subscriptions.Apis;

/// <summary>Query values read as text, so a malformed one is a problem naming its field rather than a bare 400.</summary>
internal static class QueryValues
{
    public static int Limit(string? text, Validation validation)
    {
        if (string.IsNullOrEmpty(text))
        {
            return Paging.DefaultLimit;
        }
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) && limit is >= 1 and <= Paging.MaxLimit)
        {
            return limit;
        }
        validation.Add("limit", $"A whole number between 1 and {Paging.MaxLimit}.");
        return Paging.DefaultLimit;
    }
}
