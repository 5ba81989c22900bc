namespace Rathausplatz.Features.Audiences;

/// <summary>
/// The link of the confirmation mail. Opening it shows a button; only the button confirms, because
/// mail scanners open links too and must not subscribe anyone.
/// </summary>
[AllowAnonymous]
public sealed class ConfirmModel(SubscriptionTokens tokens, ConfirmSubscription confirm) : PageModel
{
    public bool Invalid { get; private set; }
    public string? ManageLink { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct) =>
        await confirm.IsUsableAsync(token, ct) ? Page() : Refused();

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken ct)
    {
        var (outcome, subscription) = await confirm.RunAsync(token, ct);
        if (outcome != ConfirmOutcome.Confirmed)
            return Refused();
        ManageLink = $"/abonnement/{tokens.ForManagement(subscription!)}";
        return Page();
    }

    private PageResult Refused()
    {
        Invalid = true;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
