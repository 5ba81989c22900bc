namespace Rathausplatz.Features.Audiences.Districts;

/// <summary>
/// The address search without JavaScript: a GET form above the choice form sends the address here; the
/// district found goes back to that page as <c>?stadtteil={id}</c>, which ticks it. The choice is
/// remembered where it belongs: in the subscription, once the person saves the form.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.Accounts)]
public sealed class FindDistrictModel(DistrictLocator locator, AddressGeocoder geocoder, IStringLocalizer<SharedResource> text) : PageModel
{
    public string? Problem { get; private set; }
    public string Back { get; private set; } = "/abonnieren";

    public async Task<IActionResult> OnGetAsync(string? adresse, string? lat, string? lon, string? zurueck, CancellationToken ct)
    {
        Back = SafeReturn(zurueck);
        var result = await DistrictApi.LookUpAsync(lat, lon, adresse, locator, geocoder, text, ct);
        if (result.District is { } found)
            return Redirect($"{Back}?stadtteil={found.Id}#districts-hint");
        Problem = result.Problem;
        Response.StatusCode = result.Status;
        return Page();
    }

    /// <summary>Only back to a choice page of this site: never an open redirect.</summary>
    public static string SafeReturn(string? path) =>
        path is "/abonnieren" or "/abonnement/konto" || (path is not null && path.StartsWith("/abonnement/", StringComparison.Ordinal)
            && path.Length < 400 && path[12..].All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            ? path : "/abonnieren";
}
