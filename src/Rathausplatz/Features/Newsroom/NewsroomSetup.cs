using Rathausplatz.Features.Newsroom.Api;
using Rathausplatz.Features.Newsroom.Editing;
using Rathausplatz.Features.Newsroom.Feeds;
using Rathausplatz.Features.Newsroom.Media;
using Rathausplatz.Features.Newsroom.Offline;
using Rathausplatz.Features.Newsroom.Public;
using Rathausplatz.Features.Newsroom.Sitemap;
using Rathausplatz.Features.Newsroom.Search;
using Rathausplatz.Jobs;
using Rathausplatz.Web.OutputCaching;

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
        builder.Services.AddScoped<Revisions.RestoreRevision>();
        builder.Services.AddScoped<Previews.PreviewLinks>();
        builder.Services.AddScoped<PublicPosts>();
        builder.Services.AddScoped<FeedEntries>();
        builder.Services.AddScoped<AddImage>().AddScoped<AddAttachment>().AddScoped<ArrangeMedia>().AddScoped<DescribeImage>();
        builder.Services.AddJobHandler<PublishDuePostsHandler>(PublishDuePosts.JobKind);
        builder.Services.Configure<Microsoft.AspNetCore.OpenApi.OpenApiOptions>("v1", o => o.AddSchemaTransformer(PostsApi.DescribeNumbersStrictly));
        // Any save of a post or its texts evicts the organisation's cached pages and feeds (publish, scheduled
        // publish, unpublish, edits, images); the clock's changes limit how long they are kept.
        builder.Services.AddPublicContent(o => o
            .EvictOnChangeOf<Post>(p => p.OrganizationId)
            .EvictOnChangeOf<PostContent>(_ => null)
            .LimitLifetimeBy(NextVisibilityChange.FindAsync));
        builder.Services.AddScoped<Events.AdvanceEventOccurrences>();
        builder.Services.AddJobHandler<Events.AdvanceEventOccurrencesHandler>(Events.AdvanceEventOccurrences.JobKind);
        builder.Services.AddNewsroomSearch();
        return builder;
    }

    /// <summary>
    /// The newsroom's endpoints outside Razor Pages: feeds, calendars, CAP, the JSON API, sitemap,
    /// robots.txt, images and attachments, the web app manifest and offline list.
    /// </summary>
    public static IEndpointRouteBuilder MapNewsroom(this IEndpointRouteBuilder app) =>
        app.MapNewsroomFeeds().MapCapFeeds().MapNewsroomApi().MapSitemap().MapNewsroomMedia().MapOffline();
}
