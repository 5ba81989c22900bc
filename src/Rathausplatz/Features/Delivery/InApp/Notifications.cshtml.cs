using System.Globalization;
using System.Security.Claims;
using Rathausplatz.Features.Accounts;
using Rathausplatz.Features.Delivery.NoticeDigest;

namespace Rathausplatz.Features.Delivery.InApp;

/// <summary>
/// The signed-in person's notifications, newest first, unread ones marked. Opening one
/// (<c>/benachrichtigungen/{id}</c>) marks it read and goes to the post or page it is about: a plain link, so it works
/// without JavaScript. That GET changes a read mark, nothing more (the worst a forged link can do is
/// mark one of one's own notifications read); "mark all read" is a form with antiforgery. Here too the person chooses
/// whether unread notices come by mail ("Hinweise per E-Mail", <see cref="NoticeMail"/>): where they see them.
/// </summary>
[Authorize]
public sealed class NotificationsModel(InAppInbox inbox, NoticeMailSettings mailSettings, UserManager<User> users,
    IStringLocalizer<SharedResource> text) : PageModel
{
    public IReadOnlyList<InAppInbox.Notification> Items { get; private set; } = [];
    public bool Subscribed { get; private set; }
    public NoticeMail Mail { get; private set; }
    /// <summary>Without a confirmed address no notice is mailed, whatever the setting.</summary>
    public bool AddressConfirmed { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        var user = InAppUser.Id(User);
        if (id is { } notificationId)
        {
            // Someone else's notification, or none: the same 404.
            var target = await inbox.MarkReadAsync(user, notificationId, ct);
            return target is null ? NotFound() : LocalRedirect(target);
        }
        Subscribed = await inbox.FindAsync(user, ct) is not null;
        Items = await inbox.ListAsync(user, CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, 100, ct);
        Mail = await mailSettings.OfAsync(user, ct);
        AddressConfirmed = await users.GetUserAsync(User) is { EmailConfirmed: true, Email: not null };
        return Page();
    }

    /// <summary>Saves "Hinweise per E-Mail"; a value the form does not offer is a forged request (400).</summary>
    public async Task<IActionResult> OnPostMailAsync(string? mail, CancellationToken ct)
    {
        if (Enum.GetValues<NoticeMail>().Cast<NoticeMail?>().FirstOrDefault(m => m.ToString() == mail) is not { } chosen)
            return BadRequest();
        await mailSettings.SaveAsync(InAppUser.Id(User), chosen, ct);
        this.Flash(text["Ihre Einstellung ist gespeichert."]);
        return Redirect("/benachrichtigungen");
    }

    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken ct)
    {
        await inbox.MarkAllReadAsync(InAppUser.Id(User), ct);
        this.Flash(text["Alle Benachrichtigungen sind als gelesen markiert."]);
        return Redirect("/benachrichtigungen");
    }
}

public static class InAppUser
{
    /// <summary>The signed-in account's id (Identity's name-identifier claim).</summary>
    public static Guid Id(ClaimsPrincipal user) => Guid.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier)!);
}
