using Rathausplatz.Data;

namespace Rathausplatz.Features.Audiences;

/// <summary>The signed link in every mail: change the choice or end the subscription, no account needed.</summary>
[AllowAnonymous]
public sealed class PreferencesModel(AppDb db, ManageSubscription manage, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty]
    public PreferenceInput Input { get; set; } = new();

    public PreferenceFields? Fields { get; private set; }
    public string Token { get; private set; } = "";
    public string? MaskedEmail { get; private set; }
    public bool Ended { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token, Guid? stadtteil, CancellationToken ct)
    {
        if (await manage.OpenAsync(token, ct) is not { } subscription)
            return await NotValidAsync();
        Input = PreferenceInput.From(SubscriptionChoice.Of(subscription));
        Input.Choose(stadtteil);
        return await ShowAsync(subscription, ct);
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken ct)
    {
        if (Input.Types.Count == 0)
            ModelState.AddModelError("Input.Types", "Bitte wählen Sie mindestens eine Art von Beiträgen.");
        if (await manage.OpenAsync(token, ct) is not { } subscription)
            return await NotValidAsync();
        if (!ModelState.IsValid)
        {
            await ShowAsync(subscription, ct);
            return this.PageWithErrors();
        }
        await manage.ChangeAsync(token, Input.ToChoice(), ct);
        this.Flash(text["Ihre Auswahl ist gespeichert."]);
        return Redirect($"/abonnement/{token}");
    }

    public async Task<IActionResult> OnPostUnsubscribeAsync(string token, CancellationToken ct)
    {
        if (!await manage.UnsubscribeAsync(token, ct))
            return await NotValidAsync();
        Ended = true;
        return Page();
    }

    private async Task<IActionResult> ShowAsync(Subscription subscription, CancellationToken ct)
    {
        Token = (string)RouteData.Values["token"]!;
        MaskedEmail = EmailAddresses.Mask(subscription.Email);
        Fields = await PreferenceFields.LoadAsync(db, Input, "Input.", ct);
        return Page();
    }

    // A forged link, or one of a subscription that has ended: the same page, nothing to change.
    private Task<IActionResult> NotValidAsync()
    {
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Task.FromResult<IActionResult>(Page());
    }
}
