namespace Rathausplatz.Features.Delivery;

public sealed class DeliveryOptions
{
    public const string Section = "Delivery";

    /// <summary>Subscriptions per fan-out statement (keyset pages): bounds each statement's time and locks.</summary>
    public int FanOutBatch { get; set; } = 10_000;
    /// <summary>Deliveries one lane leases at a time.</summary>
    public int ClaimBatch { get; set; } = 50;
    /// <summary>SMTP connections per node, across all send jobs (per-channel concurrency limit).</summary>
    public int EmailConcurrency { get; set; } = 4;
    /// <summary>Requests to push services per node at once, across all send jobs (lanes of a push send job).</summary>
    public int PushConcurrency { get; set; } = 8;

    public int ConcurrencyOf(DeliveryChannel channel) => channel == DeliveryChannel.Push ? PushConcurrency : EmailConcurrency;
    /// <summary>A claimed or sending delivery whose worker has not finished it by then is taken up again.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);
    /// <summary>A send job hands back to the queue after this long, so an alert waiting behind it runs next.</summary>
    public TimeSpan TimeSlice { get; set; } = TimeSpan.FromSeconds(15);
    /// <summary>Temporary failures (server down, 4xx) are retried with backoff this often before the delivery fails.</summary>
    public int MaxAttempts { get; set; } = 10;
    /// <summary>SMTP 5xx for the same address this many times in a row, and its subscription is disabled.</summary>
    public int DisableAfterPermanentFailures { get; set; } = 3;
    /// <summary>The hour (0–23, the town's time) at which daily and weekly digests go out.</summary>
    public int DigestHour { get; set; } = 7;
    /// <summary>The day of the weekly digest.</summary>
    public DayOfWeek WeeklyDigestDay { get; set; } = DayOfWeek.Monday;
}
