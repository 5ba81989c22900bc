using Rathausplatz.Features.Newsroom.Api;
using Rathausplatz.Features.Newsroom.Editing;
using Rathausplatz.Features.Newsroom.Feeds;
using Rathausplatz.Features.Newsroom.Media;
using Rathausplatz.Features.Newsroom.Public;
using Rathausplatz.Features.Newsroom.Sitemap;
using Rathausplatz.Jobs;

namespace Rathausplatz.Features.Newsroom;

public static class NewsroomSetup
{
    public static WebApplicationBuilder AddNewsroom(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<SavePost>();
        builder.Services.AddScoped<SubmitForReview>();
        builder.Services.AddScoped<ApprovePost>();
        builder.Services.AddScoped<SendBackPost>();
        builder.Services.AddScoped<PublishPost>();
        builder.Services.AddScoped<UnpublishPost>();
        builder.Services.AddScoped<PublishDuePosts>();
        builder.Services.AddScoped<ChangeNewsroomSettings>();
        builder.Services.AddScoped<PublicPosts>();
        builder.Services.AddScoped<FeedEntries>();
        builder.Services.AddScoped<AddImage>().AddScoped<AddAttachment>().AddScoped<ArrangeMedia>().AddScoped<DescribeImage>();
        builder.Services.AddJobHandler<PublishDuePostsHandler>(PublishDuePosts.JobKind);
        builder.Services.Configure<Microsoft.AspNetCore.OpenApi.OpenApiOptions>("v1", o => o.AddSchemaTransformer(PostsApi.DescribeNumbersStrictly));
        return builder;
    }

    /// <summary>The newsroom's endpoints outside Razor Pages: feeds, calendars, CAP, the JSON API, sitemap, robots.txt, images and attachments.</summary>
    public static IEndpointRouteBuilder MapNewsroom(this IEndpointRouteBuilder app) =>
        app.MapNewsroomFeeds().MapCapFeeds().MapNewsroomApi().MapSitemap().MapNewsroomMedia();
}
