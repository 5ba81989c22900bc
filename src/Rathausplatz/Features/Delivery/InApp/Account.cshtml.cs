using Rathausplatz.Data;
using Rathausplatz.Features.Accounts;
using Rathausplatz.Features.Audiences;
using Rathausplatz.Features.Delivery.Email;

namespace Rathausplatz.Features.Delivery.InApp;

/// <summary>
/// Subscriptions from the account area: in-app notifications (same choice as by mail, without
/// frequency), and the e-mail subscription of the account's own confirmed address. The page looks the
/// e-mail subscription up only by that address and shows it only to its signed-in owner, so it tells
/// nobody else whether an address is subscribed.
/// </summary>
[Authorize]
public sealed class AccountModel(AppDb db, InAppInbox inbox, UserManager<User> users, SubscriptionTokens tokens, Subscribe subscribe,
    IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty]
    public PreferenceInput Input { get; set; } = new();

    public PreferenceFields Fields { get; private set; } = null!;
    public bool Subscribed { get; private set; }
    /// <summary>Null: the account's address is not confirmed, so it cannot be linked.</summary>
    public string? AccountEmail { get; private set; }
    public SubscriptionState? EmailState { get; private set; }
    public string? EmailManageLink { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? stadtteil, CancellationToken ct)
    {
        var mine = await inbox.FindAsync(InAppUser.Id(User), ct);
        Subscribed = mine is not null;
        Input = mine is null
            ? PreferenceInput.From(SubscriptionChoice.Everything())
            : new PreferenceInput
            {
                TopicIds = [.. mine.Topics.Select(t => t.TopicId)],
                DistrictIds = [.. mine.Districts.Select(d => d.DistrictId)],
                Types = [.. SubscribableTypes.List.Where(t => (mine.Types & SubscribableTypes.Bit(t)) != 0)],
            };
        Input.Choose(stadtteil);
        return await ShowAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Input.Types.Count == 0)
            ModelState.AddModelError("Input.Types", "Bitte wählen Sie mindestens eine Art von Beiträgen.");
        if (!ModelState.IsValid)
        {
            Subscribed = await inbox.FindAsync(InAppUser.Id(User), ct) is not null;
            await ShowAsync(ct);
            return this.PageWithErrors();
        }
        await inbox.SaveAsync(InAppUser.Id(User), Input.TopicIds, Input.DistrictIds, Input.Types, ct);
        this.Flash(text["Ihre Auswahl ist gespeichert."]);
        return Redirect("/abonnement/konto");
    }

    public async Task<IActionResult> OnPostEndAsync(CancellationToken ct)
    {
        await inbox.EndAsync(InAppUser.Id(User), ct);
        this.Flash(text["Sie erhalten keine Benachrichtigungen mehr."]);
        return Redirect("/abonnement/konto");
    }

    /// <summary>
    /// Starts an e-mail subscription for the account's confirmed address, through the usual double
    /// opt-in (the mail proves the mailbox still belongs to this person, and records the consent).
    /// </summary>
    public async Task<IActionResult> OnPostEmailAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is not { EmailConfirmed: true, Email: { } email })
            return BadRequest();
        var choice = Input.Types.Count == 0 ? SubscriptionChoice.Everything(user.PreferredLanguage) : Input.ToChoice() with { Language = user.PreferredLanguage };
        await subscribe.RunAsync(email, choice, MailSender.Of(HttpContext), ct);
        this.Flash(text["Bitte bestätigen Sie Ihr Abonnement über den Link in der E-Mail, die wir Ihnen gesendet haben."]);
        return Redirect("/abonnement/konto");
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        Fields = await PreferenceFields.LoadAsync(db, Input, "Input.", ct) with { ForMail = false };
        var user = await users.GetUserAsync(User);
        if (user is { EmailConfirmed: true, Email: { } email })
        {
            AccountEmail = email;
            var normalized = EmailAddresses.Normalize(email);
            var subscription = await db.Set<Subscription>().AsNoTracking().SingleOrDefaultAsync(s => s.Email == normalized, ct);
            EmailState = subscription?.State;
            if (subscription is { State: SubscriptionState.Confirmed })
                EmailManageLink = $"/abonnement/{Uri.EscapeDataString(tokens.ForManagement(subscription))}";
        }
        return Page();
    }
}
