using Microsoft.AspNetCore.OutputCaching;
using Rathausplatz.Web.OutputCaching;

namespace Rathausplatz.Features.Newsroom.Offline;

/// <summary>
/// What the service worker shows for a page it has not stored while there is no connection. It is stored on
/// install in the visitor's language, with the alerts valid then in its banner.
/// </summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicPageCache.Policy)]
public sealed class OfflineModel : PageModel
{
    public void OnGet() { }
}
