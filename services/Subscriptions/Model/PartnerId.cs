using System.Text.RegularExpressions;

namespace Samverkan.Subscriptions.Model;

/// <summary>
/// A partner's id as national staff give it to an API key or a subscription's owner: lower-case
/// letters, digits and inner hyphens (<c>region-skane</c>), at most 64 characters. It is the
/// <c>partner</c> claim of the partner's tokens and keys, so ownership is a plain comparison.
/// </summary>
public static partial class PartnerId
{
    public const int MaxLength = 64;

    public const string Rule = "A partner id: lower-case letters, digits and inner hyphens (e.g. region-skane), at most 64 characters.";

    public static bool IsValid(string? id) => id is { Length: > 0 and <= MaxLength } && Syntax().IsMatch(id);

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$")]
    private static partial Regex Syntax();
}
