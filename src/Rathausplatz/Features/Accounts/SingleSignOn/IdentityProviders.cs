namespace Rathausplatz.Features.Accounts.SingleSignOn;

/// <summary>
/// One organisation's identity provider (for example the administration's Keycloak realm): staff sign in
/// there instead of with a password here. Configured by the operator under
/// <c>SingleSignOn:Organizations:&lt;slug&gt;</c>; without that section there is no single sign-on.
/// </summary>
public sealed class IdentityProviderSettings
{
    /// <summary>The issuer, e.g. <c>https://login.musterstadt.de/realms/verwaltung</c>; its discovery document is read from there.</summary>
    public string Authority { get; set; } = "";
    public string ClientId { get; set; } = "";
    public string ClientSecret { get; set; } = "";
    /// <summary>What the sign-in button names, e.g. "Dienstkonto der Stadtverwaltung".</summary>
    public string DisplayName { get; set; } = "Dienstkonto";
    /// <summary>Only a provider on the same machine in development may do without https.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;
    /// <summary>
    /// The provider itself asks for a second factor, so staff who come from it need none here. Off by default:
    /// then staff set up two-factor sign-in here as well, as with a password.
    /// </summary>
    public bool TwoFactorAtProvider { get; set; }

    /// <summary>
    /// The userinfo claim that lists the person's groups (Keycloak's "Group Membership" mapper, "Token Claim Name").
    /// Only read when <see cref="GroupRoles"/> maps groups to roles.
    /// </summary>
    public string GroupsClaim { get; set; } = "groups";

    /// <summary>Which groups give which role (<c>…:Roles:&lt;role&gt;</c>); read by <see cref="IdentityProviders.Read"/>, not bound.</summary>
    public GroupRoles GroupRoles { get; internal set; } = GroupRoles.None;
}

/// <summary>The configured identity providers, one authentication scheme per organisation slug.</summary>
public sealed class IdentityProviders(IReadOnlyDictionary<string, IdentityProviderSettings> bySlug)
{
    public const string ConfigurationSection = "SingleSignOn:Organizations";

    /// <summary>Marks a sign-in whose second factor the identity provider checked (see <see cref="IdentityProviderSettings.TwoFactorAtProvider"/>).</summary>
    public const string TwoFactorAtProviderClaim = "rp:2fa-idp";

    /// <summary>Marks a sign-in at an organisation's provider (the value is its slug), so signing out here signs out there too.</summary>
    public const string SignedInAtClaim = "rp:idp";

    /// <summary>The provider's ID token of that sign-in: the hint its end-session endpoint asks for.</summary>
    public const string IdTokenClaim = "rp:idp-id-token";

    /// <summary>What the provider said of a sign-in; kept whenever the sign-in is made anew from the account.</summary>
    public static readonly string[] ClaimsFromProvider = [TwoFactorAtProviderClaim, SignedInAtClaim, IdTokenClaim];

    public static string SchemeFor(string slug) => "oidc-" + slug;

    public static string CallbackPathFor(string slug) => "/signin-oidc/" + slug;

    /// <summary>Where the provider sends the browser back after signing out there.</summary>
    public static string SignedOutCallbackPathFor(string slug) => "/signout-callback-oidc/" + slug;

    public IdentityProviderSettings? For(string slug) => bySlug.GetValueOrDefault(slug);

    /// <summary>The slug of the provider <paramref name="user"/> signed in at, when it is still configured.</summary>
    public string? SignedInAt(System.Security.Claims.ClaimsPrincipal user) =>
        user.FindFirst(SignedInAtClaim)?.Value is { } slug && bySlug.ContainsKey(slug) ? slug : null;

    /// <summary>Reads every organisation's provider; a setting that cannot be right stops the start with a message naming it.</summary>
    public static IReadOnlyDictionary<string, IdentityProviderSettings> Read(IConfiguration configuration) =>
        configuration.GetSection(ConfigurationSection).GetChildren()
            .ToDictionary(s => s.Key, ReadOne, StringComparer.Ordinal);

    private static IdentityProviderSettings ReadOne(IConfigurationSection section)
    {
        var settings = section.Get<IdentityProviderSettings>() ?? new();
        if (string.IsNullOrWhiteSpace(settings.GroupsClaim))
            throw new InvalidOperationException($"{section.Path}:GroupsClaim is empty; leave it out for \"groups\" or name the claim that lists the groups.");
        settings.GroupRoles = GroupRoles.Read(section);
        return settings;
    }
}
