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

        // The security stamp check rebuilds the sign-in every minute from the account; the provider's
        // second factor is no property of the account, so it is carried over from the old sign-in.
        builder.Services.Configure<SecurityStampValidatorOptions>(o => o.OnRefreshingPrincipal = context =>
        {
            var checkedThere = context.CurrentPrincipal?.FindFirst(IdentityProviders.TwoFactorAtProviderClaim);
            if (checkedThere is not null && context.NewPrincipal?.Identity is System.Security.Claims.ClaimsIdentity identity)
                identity.AddClaim(new(checkedThere.Type, checkedThere.Value));
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
        o.SaveTokens = false; // nothing here calls the provider's APIs on the person's behalf
        // A refusal at the provider (or a stale round trip) is a message for the person, not a server error.
        o.Events.OnRemoteFailure = context =>
        {
            context.Response.Redirect("/accounts/signin/extern?handler=Failed");
            context.HandleResponse();
            return Task.CompletedTask;
        };
    }
}
