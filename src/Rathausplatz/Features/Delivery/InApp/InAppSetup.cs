namespace Rathausplatz.Features.Delivery.InApp;

public static class InAppSetup
{
    public static WebApplicationBuilder AddInAppNotifications(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<InAppInbox>();
        builder.Services.AddScoped<InAppNotices>();
        builder.Services.AddScoped<IFanOutChannel, InAppFanOut>();
        return builder;
    }
}
