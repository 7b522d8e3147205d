namespace Samverkan.ServiceDefaults.Auth;

/// <summary>The roles a token or API key can carry (claim <see cref="SamverkanClaims.Roles"/>).</summary>
public static class Roles
{
    /// <summary>National staff: may change everything and read the audit trail.</summary>
    public const string RegistryAdmin = "registry-admin";

    /// <summary>Keeps the contacts owned by the institutions in its <see cref="SamverkanClaims.Organisations"/> claim.</summary>
    public const string OrgEditor = "org-editor";

    /// <summary>A partner system: reads, and manages its own webhook subscriptions.</summary>
    public const string Partner = "partner";
}

/// <summary>Claim types Samverkan reads from tokens; an OpenID Connect issuer must be set up to send them.</summary>
public static class SamverkanClaims
{
    public const string Subject = "sub";

    /// <summary>One claim per role (a JSON array in the token).</summary>
    public const string Roles = "roles";

    /// <summary>Institution ids an org-editor acts for (a JSON array in the token).</summary>
    public const string Organisations = "org";

    /// <summary>The partner id of a partner system.</summary>
    public const string Partner = "partner";

    /// <summary>Space-separated OAuth scopes.</summary>
    public const string Scope = "scope";

    /// <summary>The scope that lets a partner see the people behind contacts.</summary>
    public const string PersonalDataScope = "contacts:personal";
}
