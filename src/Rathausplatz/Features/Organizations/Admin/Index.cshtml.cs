using Rathausplatz.Features.Accounts;

namespace Rathausplatz.Features.Organizations.Admin;

/// <summary>The organisation admin's start page: where each task lives.</summary>
[Authorize(Policy = Policies.OrganizationAdmin)]
public sealed class IndexModel : PageModel
{
    public void OnGet() { }
}
