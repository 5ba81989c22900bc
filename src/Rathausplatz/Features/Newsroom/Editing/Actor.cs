using System.Security.Claims;

namespace Rathausplatz.Features.Newsroom.Editing;

/// <summary>The person doing an editorial step, as the audit and revisions remember them.</summary>
public sealed record Actor(Guid Id, string Name)
{
    public static Actor Of(ClaimsPrincipal user) => new(
        Guid.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("No signed-in user.")),
        user.FindFirstValue(ClaimTypes.GivenName) ?? user.Identity?.Name ?? "");
}
