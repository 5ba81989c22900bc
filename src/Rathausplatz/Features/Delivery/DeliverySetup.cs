using Rathausplatz.Features.Delivery.Email;
using Rathausplatz.Features.Delivery.InApp;

namespace Rathausplatz.Features.Delivery;

public static class DeliverySetup
{
    public static WebApplicationBuilder AddDelivery(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<DeliveryOptions>(builder.Configuration.GetSection(DeliveryOptions.Section));
        builder.Services.AddSingleton<ChannelLimits>();
        builder.Services.AddScoped<DeliveryStore>();
        builder.Services.AddScoped<DeliveryReport>();
        builder.Services.AddScoped<QueueDeliveries>();
        builder.Services.AddScoped<SendDeliveries>();
        builder.Services.AddScoped<Digests.DigestStore>();
        builder.Services.AddKeyedScoped<IDeliveryChannel, EmailChannel>(DeliveryChannel.Email);
        builder.AddInAppNotifications();
        Jobs.JobsSetup.AddJobHandler<QueueDeliveries>(builder.Services, QueueDeliveries.JobKind);
        Jobs.JobsSetup.AddJobHandler<SendDeliveries>(builder.Services, SendDeliveries.JobKind);
        Jobs.JobsSetup.AddJobHandler<Digests.SendDigests>(builder.Services, Digests.SendDigests.JobKind);
        return builder;
    }

    public static WebApplication MapDelivery(this WebApplication app)
    {
        app.MapDeliveryProgressApi();
        return app;
    }
}
