using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Rathausplatz.Features.Accounts.SingleSignOn;

/// <summary>
/// OpenID Connect sign-in for staff, off unless an organisation's identity provider is configured.
/// Each organisation gets its own scheme, so one installation serves towns with different providers.
/// </summary>
public static class SingleSignOnSetup
{
    public static WebApplicationBuilder AddSingleSignOn(this WebApplicationBuilder builder)
    {
        var providers = IdentityProviders.Read(builder.Configuration);
        builder.Services.AddSingleton(new IdentityProviders(providers));
        builder.Services.AddScoped<SignInWithIdentityProvider>();

        var authentication = builder.Services.AddAuthentication();
        foreach (var (slug, settings) in providers)
            authentication.AddOpenIdConnect(IdentityProviders.SchemeFor(slug), settings.DisplayName, o => Configure(o, slug, settings));

        // The security stamp check rebuilds the sign-in every minute from the account; what the provider said
        // (its second factor, where the person signed in, its ID token) is no property of the account, so it is
        // carried over from the old sign-in (RefreshSignInAsync: MemberClaimsFactory).
        builder.Services.Configure<SecurityStampValidatorOptions>(o => o.OnRefreshingPrincipal = context =>
        {
            if (context.NewPrincipal?.Identity is not System.Security.Claims.ClaimsIdentity identity)
                return Task.CompletedTask;
            foreach (var claim in context.CurrentPrincipal?.Claims.Where(c => IdentityProviders.ClaimsFromProvider.Contains(c.Type)) ?? [])
                identity.AddClaim(new(claim.Type, claim.Value));
            return Task.CompletedTask;
        });
        return builder;
    }

    private static void Configure(OpenIdConnectOptions o, string slug, IdentityProviderSettings settings)
    {
        o.Authority = settings.Authority;
        o.ClientId = settings.ClientId;
        o.ClientSecret = settings.ClientSecret;
        o.RequireHttpsMetadata = settings.RequireHttpsMetadata;
        o.CallbackPath = IdentityProviders.CallbackPathFor(slug);
        // Each scheme needs paths of its own: the first handler would take another town's return.
        o.SignedOutCallbackPath = IdentityProviders.SignedOutCallbackPathFor(slug);
        o.RemoteSignOutPath = "/signout-oidc/" + slug;
        o.SignInScheme = IdentityConstants.ExternalScheme;
        o.ResponseType = OpenIdConnectResponseType.Code;
        o.UsePkce = true;
        // The code comes back in a top-level redirect (not a cross-site form post), so the correlation
        // and nonce cookies can stay SameSite=Lax.
        o.ResponseMode = OpenIdConnectResponseMode.Query;
        o.CorrelationCookie.SameSite = SameSiteMode.Lax;
        o.NonceCookie.SameSite = SameSiteMode.Lax;
        o.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        o.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        o.Scope.Clear();
        foreach (var scope in new[] { "openid", "profile", "email" })
            o.Scope.Add(scope);
        o.GetClaimsFromUserInfoEndpoint = true;
        o.ClaimActions.MapUniqueJsonKey("email_verified", "email_verified");
        // The groups come from the userinfo answer (Keycloak's group mapper: "Add to userinfo"), under a claim type of
        // our own: the token handler renames some names (e.g. "group"), and no ID token claim can pose as them.
        o.ClaimActions.MapJsonKey(GroupRoles.GroupClaim, settings.GroupsClaim);
        // Only the ID token is kept (as a claim of the sign-in, see SignInWithIdentityProvider): signing out at the
        // provider names it. Nothing here calls the provider's APIs on the person's behalf.
        o.SaveTokens = true;
        o.Events.OnRedirectToIdentityProviderForSignOut = context =>
        {
            // Taken out of the properties, so it does not travel again inside the state parameter.
            if (context.Properties.Items.Remove(IdentityProviders.IdTokenClaim, out var idToken))
                context.ProtocolMessage.IdTokenHint = idToken;
            return Task.CompletedTask;
        };
        // A refusal at the provider (or a stale round trip) is a message for the person, not a server error.
        o.Events.OnRemoteFailure = context =>
        {
            context.Response.Redirect("/accounts/signin/extern?handler=Failed");
            context.HandleResponse();
            return Task.CompletedTask;
        };
    }
}
