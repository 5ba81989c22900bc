using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;
using Rathausplatz.Data;

namespace Rathausplatz.Features.Accounts;

public static class AccountsSetup
{
    public static WebApplicationBuilder AddAccounts(this WebApplicationBuilder builder)
    {
        builder.Services
            .AddIdentity<User, IdentityRole<Guid>>(o =>
            {
                o.SignIn.RequireConfirmedAccount = true;
                o.SignIn.RequireConfirmedEmail = true;
                o.User.RequireUniqueEmail = true; // per organisation: the user store is tenant-filtered
                // User names are the e-mail addresses. Identity's default characters refuse valid ones such as
                // o'neil@…: sign-up failed, a new municipality's first admin was silently not invited, and an
                // e-mail change kept the old address as user name. Allow the rest of RFC 5322's local-part characters.
                o.User.AllowedUserNameCharacters += "!#$%&'*/=?^`{|}~";
                // Length over composition rules (BSI and NIST advice); Identity also refuses common patterns of nothing else.
                o.Password.RequiredLength = 10;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                ConfigureStores(o.Stores);
            })
            .AddEntityFrameworkStores<AppDb>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<LocalizedIdentityErrorDescriber>()
            .AddClaimsPrincipalFactory<MemberClaimsFactory>();

        builder.Services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromHours(24));
        builder.Services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "rp.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.LoginPath = "/accounts/signin";
            o.LogoutPath = "/accounts/signout";
            o.AccessDeniedPath = "/error/403";
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromDays(14);
            o.Events.OnValidatePrincipal = MemberClaimsFactory.RejectOtherOrganizations;
            // The API answers 401/403; only pages send people to the sign-in form.
            o.Events.OnRedirectToLogin = context => ApiOrRedirect(context, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = context => ApiOrRedirect(context, StatusCodes.Status403Forbidden);
        });
        builder.Services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, o => o.Cookie.Name = "rp.2fa");
        builder.Services.Configure<CookieAuthenticationOptions>(IdentityConstants.ExternalScheme, o => o.Cookie.Name = "rp.ext");
        // A changed password or signed-out session takes effect on other devices within a minute.
        builder.Services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));

        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Staff, p => p.RequireRole(Roles.RequiringTwoFactor))
            .AddPolicy(Policies.Editor, p => p.RequireRole(Roles.Editor, Roles.OrganizationAdmin))
            .AddPolicy(Policies.Moderator, p => p.RequireRole(Roles.Moderator, Roles.Editor, Roles.OrganizationAdmin))
            .AddPolicy(Policies.OrganizationAdmin, p => p.RequireRole(Roles.OrganizationAdmin, Roles.PlatformAdmin))
            .AddPolicy(Policies.PlatformAdmin, p => p.RequireRole(Roles.PlatformAdmin));

        builder.Services.AddScoped<AccountMails>();
        builder.Services.AddScoped<InviteMember>();
        builder.Services.AddScoped<PersonalData.ExportPersonalData>();
        builder.Services.AddScoped<PersonalData.DeleteOwnAccount>();
        builder.Services.AddScoped<ChangeMemberRoles>();
        builder.Services.Configure<Microsoft.AspNetCore.Mvc.MvcOptions>(o => o.Filters.Add<RequireTwoFactorForStaff>());
        return builder;
    }

    /// <summary>
    /// Store options shape Identity's tables, so the app and `dotnet ef` (DesignTimeFactories) must
    /// use the same ones, or the migrations lag the model that runs.
    /// </summary>
    internal static void ConfigureStores(StoreOptions stores)
    {
        stores.MaxLengthForKeys = 128;
        stores.SchemaVersion = IdentitySchemaVersions.Version3; // adds the passkeys table
    }

    private static Task ApiOrRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int apiStatus)
    {
        if (Web.WebSetup.IsApi(context.HttpContext))
            context.Response.StatusCode = apiStatus;
        else
            context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    public static WebApplication MapAccounts(this WebApplication app)
    {
        app.MapGroup("/api/v1").MapAccountApi();
        return app;
    }

    /// <summary>Creates the role rows once; roles are the same in every organisation.</summary>
    public static async Task EnsureRolesAsync(this IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole<Guid>>>();
        foreach (var name in Roles.All)
            if (!await roles.RoleExistsAsync(name))
                await roles.CreateAsync(new IdentityRole<Guid>(name) { Id = Guid.CreateVersion7() });
    }
}

/// <summary>
/// Adds the organisation and the two-factor state to the sign-in cookie. When the sign-in is made anew for the person
/// already signed in (RefreshSignInAsync after a profile or two-factor change), what their identity provider said is
/// kept: it is no property of the account and could not be read again.
/// </summary>
public sealed class MemberClaimsFactory(UserManager<User> users, RoleManager<IdentityRole<Guid>> roles, IOptions<IdentityOptions> options,
    IHttpContextAccessor http)
    : UserClaimsPrincipalFactory<User, IdentityRole<Guid>>(users, roles, options)
{
    public const string OrganizationClaim = "rp:org";
    public const string TwoFactorClaim = "rp:2fa";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(User user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(OrganizationClaim, user.OrganizationId.ToString()));
        identity.AddClaim(new Claim(TwoFactorClaim, user.TwoFactorEnabled ? "true" : "false"));
        if (!string.IsNullOrEmpty(user.DisplayName))
            identity.AddClaim(new Claim(ClaimTypes.GivenName, user.DisplayName));
        var current = http.HttpContext?.User;
        if (current?.FindFirstValue(ClaimTypes.NameIdentifier) == user.Id.ToString())
            foreach (var claim in current.Claims.Where(c => SingleSignOn.IdentityProviders.ClaimsFromProvider.Contains(c.Type)))
                identity.AddClaim(new Claim(claim.Type, claim.Value));
        return identity;
    }

    /// <summary>A cookie made for one organisation is worthless at another's host.</summary>
    internal static async Task RejectOtherOrganizations(CookieValidatePrincipalContext context)
    {
        var tenant = context.HttpContext.RequestServices.GetRequiredService<TenantContext>();
        var claimed = context.Principal?.FindFirstValue(OrganizationClaim);
        if (tenant.OrganizationId is null || claimed != tenant.OrganizationId.ToString())
        {
            context.RejectPrincipal();
            return;
        }
        await SecurityStampValidator.ValidatePrincipalAsync(context);
    }
}

public static class ClaimsPrincipalExtensions
{
    public static bool HasTwoFactor(this ClaimsPrincipal user) =>
        user.FindFirstValue(MemberClaimsFactory.TwoFactorClaim) == "true"
        || user.FindFirstValue(SingleSignOn.IdentityProviders.TwoFactorAtProviderClaim) == "true";

    public static bool MustUseTwoFactor(this ClaimsPrincipal user) => Roles.RequiringTwoFactor.Any(user.IsInRole);
}
