using System.Globalization;

namespace Rathausplatz.Features.Errors;

/// <summary>Error pages in the user's language; re-executed for status codes and unhandled exceptions.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken] // re-executed for failed posts too; it shows text and changes nothing
[ResponseCache(NoStore = true, Duration = 0, Location = ResponseCacheLocation.None)]
public sealed class IndexModel(IStringLocalizer<SharedResource> text) : PageModel
{
    public int Code { get; private set; }
    public string Title { get; private set; } = "";
    public string Explanation { get; private set; } = "";

    // The code is read from the route, not bound: binding would read the body of a re-executed post,
    // and a body too large to read (413) left the code at 0, so the page said 404.
    public void OnGet() => Describe(CodeFromRoute());
    public void OnPost() => Describe(CodeFromRoute());

    private int CodeFromRoute() =>
        int.TryParse(Convert.ToString(RouteData.Values["code"], CultureInfo.InvariantCulture), NumberStyles.None, CultureInfo.InvariantCulture, out var code) ? code : 404;

    private void Describe(int code)
    {
        // A direct visit to /error/404 is a 404 too; only codes we know keep their own number.
        Code = code is 400 or 401 or 403 or 404 or 405 or 413 or 429 or 500 ? code : 404;
        Response.StatusCode = Code;
        (Title, Explanation) = Code switch
        {
            400 => (text["Ungültige Anfrage"], text["Die Anfrage konnte nicht verarbeitet werden. Bitte prüfen Sie Ihre Eingaben oder laden Sie die Seite neu."]),
            401 => (text["Anmeldung erforderlich"], text["Bitte melden Sie sich an, um diese Seite zu sehen."]),
            403 => (text["Kein Zugriff"], text["Für diese Seite fehlen Ihnen die Berechtigungen."]),
            405 => (text["Nicht erlaubt"], text["Diese Aktion ist hier nicht möglich."]),
            413 => (text["Zu groß"], text["Die gesendeten Daten sind zu groß."]),
            429 => (text["Zu viele Anfragen"], text["Bitte warten Sie einen Moment und versuchen Sie es dann erneut."]),
            500 => (text["Ein Fehler ist aufgetreten"], text["Bei uns ist etwas schiefgegangen. Bitte versuchen Sie es später erneut."]),
            _ => (text["Seite nicht gefunden"], text["Diese Seite gibt es nicht (mehr). Vielleicht hilft Ihnen die Startseite weiter."]),
        };
    }
}
