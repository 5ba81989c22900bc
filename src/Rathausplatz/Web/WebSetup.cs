using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpOverrides;
using OpenTelemetry.Metrics;
using Rathausplatz.Data;
using Rathausplatz.Web.OutputCaching;

namespace Rathausplatz.Web;

/// <summary>The cross-cutting web stack: pages, localisation, security, errors, operations.</summary>
public static class WebSetup
{
    public static WebApplicationBuilder AddWebPlatform(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        builder.AddLocalizationSetup();
        builder.AddRateLimits();
        builder.AddPublicPageCache();

        services.AddRazorPages(o => o.RootDirectory = "/Features")
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(o => o.UseSharedResource())
            .AddMvcOptions(o => o.Filters.Add(new AutoValidateAntiforgeryTokenAttribute()));
        services.AddOptions<MvcOptions>().Configure<IStringLocalizerFactory>(LocalizeBindingMessages);
        services.AddRouting(o => o.LowercaseUrls = true);
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "rp.csrf";
            o.HeaderName = "X-CSRF-TOKEN";
        });
        services.AddProblemDetails();
        services.AddHttpContextAccessor();
        services.AddMemoryCache();
        services.AddSingleton(TimeProvider.System);
        services.AddOpenApi("v1");

        // Keys live in the database so every node can read every other node's cookies and tokens.
        services.AddDataProtection().SetApplicationName("Rathausplatz").PersistKeysToDbContext<AppDb>();

        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            foreach (var proxy in builder.Configuration.GetSection("Web:KnownProxies").Get<string[]>() ?? [])
                o.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
        });
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = false; // other services of the town may share the domain
        });

        services.AddOpenTelemetry().WithMetrics(m =>
        {
            m.AddAspNetCoreInstrumentation().AddRuntimeInstrumentation().AddMeter("Rathausplatz");
            if (!string.IsNullOrEmpty(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
                m.AddOtlpExporter();
        });
        return builder;
    }

    // Messages for values that cannot even be bound ("abc" for a yes/no field), in the user's language:
    // the localizer is asked at request time, so the current UI culture applies.
    private static void LocalizeBindingMessages(MvcOptions options, IStringLocalizerFactory factory)
    {
        var text = factory.Create(typeof(SharedResource));
        var messages = options.ModelBindingMessageProvider;
        messages.SetAttemptedValueIsInvalidAccessor((_, field) => text["Der eingegebene Wert ist für „{0}“ ungültig.", field]);
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(_ => text["Der eingegebene Wert ist ungültig."]);
        messages.SetUnknownValueIsInvalidAccessor(field => text["Der eingegebene Wert ist für „{0}“ ungültig.", field]);
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => text["Der eingegebene Wert ist ungültig."]);
        messages.SetValueIsInvalidAccessor(_ => text["Der eingegebene Wert ist ungültig."]);
        messages.SetValueMustBeANumberAccessor(field => text["„{0}“ muss eine Zahl sein.", field]);
        messages.SetNonPropertyValueMustBeANumberAccessor(() => text["Der Wert muss eine Zahl sein."]);
        messages.SetValueMustNotBeNullAccessor(_ => text["Bitte füllen Sie dieses Feld aus."]);
        messages.SetMissingBindRequiredValueAccessor(field => text["Bitte füllen Sie „{0}“ aus.", field]);
        messages.SetMissingKeyOrValueAccessor(() => text["Bitte füllen Sie dieses Feld aus."]);
        messages.SetMissingRequestBodyRequiredValueAccessor(() => text["Die Anfrage enthält keine Daten."]);
    }

    public static WebApplication UseWebPlatform(this WebApplication app)
    {
        var web = app.Configuration.GetSection("Web");
        if (web.GetValue("UseForwardedHeaders", false))
            app.UseForwardedHeaders();
        app.UseExceptionHandler("/error/500");
        if (web.GetValue("UseHttps", !app.Environment.IsDevelopment()))
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }
        app.UseMiddleware<SecurityHeaders>();
        // Pages get a localised error page; the API gets problem details (JSON), never HTML.
        app.UseWhen(c => !IsApi(c), b => b.UseStatusCodePagesWithReExecute("/error/{0}"));
        app.UseWhen(IsApi, b => b.UseStatusCodePages());
        app.UseStaticFiles(new StaticFileOptions { OnPrepareResponse = ServiceWorkerHeaders });
        app.UseRequestLocalization();
        return app;
    }

    // The service worker lives at the root so it may control every page; browsers check it for updates, and
    // no-cache makes them see a new version at once.
    private static void ServiceWorkerHeaders(Microsoft.AspNetCore.StaticFiles.StaticFileResponseContext file)
    {
        if (file.Context.Request.Path != "/sw.js")
            return;
        file.Context.Response.Headers["Service-Worker-Allowed"] = "/";
        file.Context.Response.Headers.CacheControl = "no-cache";
    }

    /// <summary>After the organisation is known: routing, limits, who the user is and what they may do; then the public page cache.</summary>
    public static WebApplication UseWebAccess(this WebApplication app)
    {
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<PersonalAnswersUncached>();
        app.UseAntiforgery();
        app.UsePublicPageCache();
        return app;
    }

    public static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api");

    public static WebApplication MapWebPlatform(this WebApplication app)
    {
        app.MapRazorPages();
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
        app.MapPost("/culture", SetCulture).AllowAnonymous().DisableAntiforgery()
            .WithSummary("Remembers the chosen interface language in a cookie and goes back.")
            .ExcludeFromDescription();
        return app;
    }

    // The language switch is a plain form post so it works without JavaScript. It only sets a
    // preference cookie, so it needs no antiforgery token (and must work on cached pages).
    private static IResult SetCulture(HttpContext context, [FromForm] string culture, [FromForm] string? returnUrl)
    {
        var chosen = Localization.Cultures.FirstOrDefault(c => c.Name == culture || c.TwoLetterISOLanguageName == culture);
        if (chosen is null)
            return Results.BadRequest();
        context.Response.Cookies.Append(
            Microsoft.AspNetCore.Localization.CookieRequestCultureProvider.DefaultCookieName,
            Microsoft.AspNetCore.Localization.CookieRequestCultureProvider.MakeCookieValue(new(chosen)),
            new CookieOptions { Expires = DateTimeOffset.MaxValue, IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
        var target = returnUrl is { Length: > 0 and < 2000 } && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//") && !returnUrl.StartsWith("/\\")
            ? returnUrl : "/";
        return Results.LocalRedirect(target);
    }
}
