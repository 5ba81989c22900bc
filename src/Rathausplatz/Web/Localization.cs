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

    /// <summary>
    /// Runs <paramref name="compose"/> with the UI culture of <paramref name="language"/> ("en" or else German):
    /// for what is written to someone other than the request's reader, such as a mail in the recipient's language.
    /// </summary>
    public static T InLanguage<T>(string? language, Func<T> compose)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = language == "en" ? Cultures[1] : Cultures[0];
        try
        {
            return compose();
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    public static void InLanguage(string? language, Action compose) => InLanguage(language, () =>
    {
        compose();
        return true;
    });
}
