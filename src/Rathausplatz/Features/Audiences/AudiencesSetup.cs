using Rathausplatz.Features.Audiences.Districts;

namespace Rathausplatz.Features.Audiences;

public static class AudiencesSetup
{
    public static WebApplicationBuilder AddAudiences(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<SubscriptionTokens>();
        builder.Services.AddScoped<SubscriptionMails>();
        builder.Services.AddScoped<Subscribe>();
        builder.Services.AddScoped<ConfirmSubscription>();
        builder.Services.AddScoped<ManageSubscription>();
        builder.Services.AddScoped<RecordDeliveryOutcome>();
        builder.AddDistrictChoice();
        return builder;
    }

    /// <summary>
    /// One-click unsubscribe (RFC 8058): mail clients POST "List-Unsubscribe=One-Click" to the address in
    /// the List-Unsubscribe header, without cookies and without having loaded any page of ours, so no
    /// antiforgery token can exist. The signed token in the path is the authorisation: only the
    /// subscription's mails carry it, it cannot be forged, and all it can do is end that one
    /// subscription. A GET (a scanner or a person clicking) changes nothing and shows the preferences.
    /// </summary>
    public static IEndpointRouteBuilder MapAudiences(this IEndpointRouteBuilder app)
    {
        app.MapPost("/abonnement/abmelden/{token}", async (string token, ManageSubscription manage, CancellationToken ct) =>
                await manage.UnsubscribeAsync(token, ct) ? Results.Ok() : Results.NotFound())
            .AllowAnonymous()
            // No rate limit: mail providers post these from a few addresses for millions of people.
            .DisableAntiforgery();
        app.MapGet("/abonnement/abmelden/{token}", (string token) => Results.Redirect($"/abonnement/{Uri.EscapeDataString(token)}"))
            .AllowAnonymous();
        app.MapDistrictApi();
        return app;
    }
}
