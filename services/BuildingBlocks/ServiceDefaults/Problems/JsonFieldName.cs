namespace Samverkan.ServiceDefaults.Problems;

internal static class JsonFieldName
{
    /// <summary>
    /// "$.participants[0].capacity" becomes "participants[0].capacity"; the root becomes "$body".
    /// A <paramref name="member"/> below the path ("participants[0]" refused while reading the
    /// object at "$") is appended.
    /// </summary>
    public static string FromPath(string? path, string? member = null)
    {
        var field = Strip(path);
        return member is null ? field : field == "$body" ? member : $"{field}.{member}";
    }

    private static string Strip(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$")
        {
            return "$body";
        }
        var field = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
        // System.Text.Json quotes names it cannot write bare: $['odd name'].
        return field.Replace("['", ".", StringComparison.Ordinal).Replace("']", "", StringComparison.Ordinal).TrimStart('.');
    }
}
