using Samverkan.Local;

namespace Samverkan.Platform.Tests.Access;

/// <summary>The roles of the authorization matrix, and what each may do to each kind of resource.</summary>
public static class Callers
{
    public const string Anonymous = "anonymous";
    public const string Admin = "registry-admin";
    public const string OwnerEditor = "org-editor of the owner";
    public const string OtherEditor = "org-editor of another organisation";
    public const string Partner = "partner";

    public static readonly IReadOnlyList<string> All = [Anonymous, Admin, OwnerEditor, OtherEditor, Partner];

    public static TokenRequest? Token(string caller) => caller switch
    {
        Anonymous => null,
        Admin => TokenRequest.Admin,
        OwnerEditor => TokenRequest.Editor(WriteEndpoint.OwnerInstitution),
        OtherEditor => TokenRequest.Editor("lunds-universitet"),
        Partner => TokenRequest.PartnerSystem("matrix-partner"),
        _ => throw new ArgumentOutOfRangeException(nameof(caller), caller, null),
    };

    /// <summary>
    /// The expected answer: null when allowed. National staff may do everything; an organisation
    /// editor only what its organisation owns (contacts); a partner only its own subscriptions.
    /// </summary>
    public static int? Refusal(string caller, WriteEndpoint endpoint) => (caller, endpoint.Owner) switch
    {
        (Anonymous, _) => 401,
        (Admin, _) => null,
        (OwnerEditor, "organisation") => null,
        (Partner, "partner") => null,
        _ => 403,
    };
}
