using Microsoft.AspNetCore.Http.HttpResults;
using Rathausplatz.Data;
using Rathausplatz.Features.Accounts;
using Rathausplatz.Features.Newsroom;

namespace Rathausplatz.Features.Delivery;

/// <summary>
/// <c>GET /api/v1/posts/{id}/delivery</c>: the counts of the editor's delivery panel, for
/// <c>wwwroot/js/delivery-progress.js</c>, which refreshes them while senders have work. Editors only,
/// like the panel; a post of another organisation does not exist here (tenant filter: 404).
/// </summary>
public static class DeliveryProgressApi
{
    public sealed record ChannelProgress(string Channel, int Queued, int Sent, int Failed, int Skipped);

    /// <summary>Running: senders still have work (digest rows waiting for their digest moment do not count).</summary>
    public sealed record DeliveryProgress(int Queued, int Sent, int Failed, int Skipped, bool Running, IReadOnlyList<ChannelProgress> Channels);

    public static IEndpointRouteBuilder MapDeliveryProgressApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/posts/{id:guid}/delivery", GetAsync)
            .RequireAuthorization(Policies.Editor)
            .WithName("GetPostDeliveryProgress")
            .WithSummary("Editors: how the delivery of a post goes, in all and per channel.")
            .WithTags("Delivery");
        return app;
    }

    private static async Task<Results<Ok<DeliveryProgress>, NotFound>> GetAsync(Guid id, HttpContext http, AppDb db, DeliveryReport report, CancellationToken ct)
    {
        if (!await db.Set<Post>().AnyAsync(p => p.Id == id, ct))
            return TypedResults.NotFound();
        // Polled every few seconds: always fresh, never kept by a cache on the way.
        http.Response.Headers.CacheControl = "no-store";
        var counts = await report.CountsAsync(id, ct);
        if (counts is null)
            return TypedResults.Ok(new DeliveryProgress(0, 0, 0, 0, false, []));
        return TypedResults.Ok(new DeliveryProgress(counts.Total.Queued, counts.Total.Sent, counts.Total.Failed, counts.Total.Skipped, counts.Running,
            counts.Channels.Select(c => new ChannelProgress(DeliveryChannelNames.Code(c.Channel), c.Counts.Queued, c.Counts.Sent, c.Counts.Failed, c.Counts.Skipped)).ToList()));
    }
}
