using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc.DataAnnotations;

namespace Rathausplatz.Web;

public static class Localization
{
    public static readonly CultureInfo[] Cultures = [new("de-DE"), new("en-GB")];

    public static WebApplicationBuilder AddLocalizationSetup(this WebApplicationBuilder builder)
    {
        builder.Services.AddLocalization(o => o.ResourcesPath = "Resources");
        builder.Services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(Cultures[0]);
            o.SupportedCultures = Cultures;
            o.SupportedUICultures = Cultures;
            o.FallBackToParentCultures = true;
            o.FallBackToParentUICultures = true;
            // The choice made with the language switch (cookie) wins over the browser's Accept-Language.
            o.RequestCultureProviders = [new CookieRequestCultureProvider(), new BrowserLanguageProvider()];
        });
        return builder;
    }

    /// <summary>Validation messages of data annotations come from the shared resource too.</summary>
    public static void UseSharedResource(this MvcDataAnnotationsLocalizationOptions options) =>
        options.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource));

    public static string LanguageOf(CultureInfo culture) => culture.TwoLetterISOLanguageName;

    /// <summary>
    /// Picks our culture by language alone: browsers send "en", "en-US" or "de-AT", and the built-in
    /// provider matches only exact cultures or their parents, so all of those got German.
    /// </summary>
    private sealed class BrowserLanguageProvider : RequestCultureProvider
    {
        public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
        {
            var chosen = httpContext.Request.GetTypedHeaders().AcceptLanguage
                .OrderByDescending(l => l.Quality ?? 1)
                .Take(5)
                .Select(l => l.Value.Value?.Split('-')[0])
                .Select(language => Cultures.FirstOrDefault(c => string.Equals(c.TwoLetterISOLanguageName, language, StringComparison.OrdinalIgnoreCase)))
                .FirstOrDefault(c => c is not null);
            return Task.FromResult(chosen is null ? null : new ProviderCultureResult(chosen.Name));
        }
    }
}
