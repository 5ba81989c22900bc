using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Rathausplatz.Features.Accounts;

/// <summary>The signed-in person's own account, for apps of the municipality.</summary>
public static class AccountApi
{
    /// <summary>What a client may know about the signed-in person: no ids of other systems, no security state.</summary>
    public sealed record Me(string DisplayName, string Email, string[] Roles, bool TwoFactorEnabled);

    public static RouteGroupBuilder MapAccountApi(this RouteGroupBuilder api)
    {
        api.MapGet("/me", GetMe)
            .RequireAuthorization()
            .WithName("GetMe")
            .WithSummary("The signed-in account.")
            .WithTags("Accounts");
        return api;
    }

    private static Ok<Me> GetMe(ClaimsPrincipal user) => TypedResults.Ok(new Me(
        user.FindFirstValue(ClaimTypes.GivenName) ?? "",
        user.FindFirstValue(ClaimTypes.Email) ?? user.Identity?.Name ?? "",
        user.FindAll(ClaimTypes.Role).Select(r => r.Value).ToArray(),
        user.HasTwoFactor()));
}
