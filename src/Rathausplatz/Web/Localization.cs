using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc.DataAnnotations;

namespace Rathausplatz.Web;

public static class Localization
{
    // Neutral cultures, so every "de-*" and "en-*" browser language falls back to them.
    public static readonly CultureInfo[] Cultures = [new("de"), new("en")];

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
            o.RequestCultureProviders = [new CookieRequestCultureProvider(), new AcceptLanguageHeaderRequestCultureProvider()];
        });
        return builder;
    }

    /// <summary>Validation messages of data annotations come from the shared resource too.</summary>
    public static void UseSharedResource(this MvcDataAnnotationsLocalizationOptions options) =>
        options.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource));

    public static string LanguageOf(CultureInfo culture) => culture.TwoLetterISOLanguageName;
}
