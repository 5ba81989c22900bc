using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Options;
using Rathausplatz.Features.Audiences;
using Rathausplatz.Features.Newsroom;

namespace Rathausplatz.Features.Delivery.Push;

public static class PushSetup
{
    public const string HttpClientName = "webpush";

    public static WebApplicationBuilder AddPush(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<PushOptions>(builder.Configuration.GetSection(PushOptions.Section));
        builder.Services.AddSingleton<VapidKeyStore>();
        builder.Services.AddHostedService<VapidKeysAtStart>();
        builder.Services.AddScoped<SubscribePush>();
        builder.Services.AddKeyedScoped<IDeliveryChannel, WebPushChannel>(DeliveryChannel.Push);
        builder.Services.AddHttpClient(HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(services => PushHttpHandler.Create(services.GetRequiredService<IOptions<PushOptions>>().Value))
            .ConfigureHttpClient((services, client) => client.Timeout = services.GetRequiredService<IOptions<PushOptions>>().Value.Timeout);
        return builder;
    }

    /// <summary>
    /// The browser posts its subscription here from /abonnieren (wwwroot/js/push.js), with the form's
    /// antiforgery token and choice fields. Answers JSON: 200 {message}, or 400 problem with a
    /// message in the user's language.
    /// </summary>
    public static IEndpointRouteBuilder MapPush(this IEndpointRouteBuilder app)
    {
        app.MapPost("/abonnieren/push", SubscribeAsync).AllowAnonymous().RequireRateLimiting(RateLimits.Accounts).DisableAntiforgery();
        app.MapPost("/abonnieren/push/abmelden", UnsubscribeAsync).AllowAnonymous().RequireRateLimiting(RateLimits.Accounts).DisableAntiforgery();
        return app;
    }

    // Antiforgery is checked by hand (DisableAntiforgery only stops the automatic form check, which would answer a bare 400).
    private static async Task<IResult> SubscribeAsync(HttpContext context, IAntiforgery antiforgery, SubscribePush subscribe,
        IOptions<PushOptions> options, IStringLocalizer<SharedResource> text, CancellationToken ct)
    {
        if (await RefusedAsync(context, antiforgery, text) is { } refused)
            return refused;
        var form = await context.Request.ReadFormAsync(ct);
        var endpoint = form["Endpoint"].ToString().Trim();
        if (PushEndpoints.Problem(endpoint, options.Value.AllowLoopback) is { } problem)
            return Problem(text[problem]);
        if (!PushEndpoints.KeysValid(form["P256dh"], form["Auth"]))
            return Problem(text["Die Schlüssel des Browsers sind ungültig."]);
        var types = form["Input.Types"].Select(t => Enum.TryParse<PostType>(t, out var type) ? type : (PostType?)null).OfType<PostType>().ToList();
        if (SubscribableTypes.Of(types) == 0)
            return Problem(text["Bitte wählen Sie mindestens eine Art von Beiträgen."]);
        var choice = new SubscriptionChoice(Ids(form["Input.TopicIds"]), Ids(form["Input.DistrictIds"]), types,
            DeliveryFrequency.Immediately, form["Input.Language"] == "en" ? "en" : "de");
        await subscribe.RunAsync(new SubscribePush.Request(endpoint, form["P256dh"]!, form["Auth"]!, choice), ct);
        return Results.Ok(new { message = text["Push-Benachrichtigungen sind in diesem Browser eingeschaltet."].Value });
    }

    private static async Task<IResult> UnsubscribeAsync(HttpContext context, IAntiforgery antiforgery, SubscribePush subscribe,
        IStringLocalizer<SharedResource> text, CancellationToken ct)
    {
        if (await RefusedAsync(context, antiforgery, text) is { } refused)
            return refused;
        var form = await context.Request.ReadFormAsync(ct);
        var endpoint = form["Endpoint"].ToString().Trim();
        if (endpoint.Length is > 0 and <= PushEndpoints.MaxLength)
            await subscribe.UnsubscribeAsync(endpoint, ct);
        return Results.Ok(new { message = text["Push-Benachrichtigungen sind in diesem Browser ausgeschaltet."].Value });
    }

    private static async Task<IResult?> RefusedAsync(HttpContext context, IAntiforgery antiforgery, IStringLocalizer<SharedResource> text)
    {
        if (!context.Request.HasFormContentType)
            return Results.Problem(text["Bitte senden Sie das Formular."], statusCode: StatusCodes.Status415UnsupportedMediaType);
        try
        {
            await antiforgery.ValidateRequestAsync(context);
            return null;
        }
        catch (AntiforgeryValidationException)
        {
            return Problem(text["Das Formular ist abgelaufen. Bitte laden Sie die Seite neu."]);
        }
    }

    private static IResult Problem(string message) => Results.Problem(message, statusCode: StatusCodes.Status400BadRequest);

    private static List<Guid> Ids(IEnumerable<string?> values) =>
        values.Select(v => Guid.TryParse(v, out var id) ? id : (Guid?)null).OfType<Guid>().Take(500).ToList();
}
