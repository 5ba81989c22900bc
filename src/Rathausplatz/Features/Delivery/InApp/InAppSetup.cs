using Rathausplatz.Features.Delivery.NoticeDigest;
using Rathausplatz.Jobs;

namespace Rathausplatz.Features.Delivery.InApp;

public static class InAppSetup
{
    public static WebApplicationBuilder AddInAppNotifications(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<InAppInbox>();
        builder.Services.AddScoped<InAppNotices>();
        builder.Services.AddScoped<IFanOutChannel, InAppFanOut>();
        // Notices by mail: the person's setting, the digest job and the start of each organisation's chain of them.
        builder.Services.AddScoped<NoticeMailSettings>();
        builder.Services.AddSingleton<NoticeDigests>();
        builder.Services.AddJobHandler<SendNoticeDigest>(SendNoticeDigest.JobKind);
        builder.Services.AddHostedService<StartNoticeDigests>();
        return builder;
    }
}
