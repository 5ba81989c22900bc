using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.ViewComponents;

namespace Rathausplatz.Features.Delivery.InApp;

/// <summary>
/// The navigation entry for signed-in people: "Benachrichtigungen (3)". The count is part of the
/// link text, so it is the accessible name too and needs no script.
/// </summary>
public sealed class NotificationBadgeViewComponent(InAppInbox inbox, IStringLocalizer<SharedResource> text) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var unread = await inbox.UnreadCountAsync(InAppUser.Id(UserClaimsPrincipal), HttpContext.RequestAborted);
        var label = unread == 0 ? text["Benachrichtigungen"].Value : text["Benachrichtigungen ({0})", unread].Value;
        var html = new HtmlContentBuilder()
            .AppendHtml("<li><a class=\"site-nav__link\" href=\"/benachrichtigungen\">")
            .Append(label)
            .AppendHtml("</a></li>");
        return new HtmlContentViewComponentResult(html);
    }
}
