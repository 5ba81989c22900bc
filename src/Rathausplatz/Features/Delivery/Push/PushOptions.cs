namespace Rathausplatz.Features.Delivery.Push;

public sealed class PushOptions
{
    public const string Section = "Push";

    /// <summary>The VAPID "sub" claim: how a push service operator reaches the installation's operator. Default: mailto: the sender address.</summary>
    public string? Subject { get; set; }
    /// <summary>How long a push service keeps a message for a browser that is offline.</summary>
    public TimeSpan TimeToLive { get; set; } = TimeSpan.FromHours(24);
    /// <summary>A push service that takes longer to answer is tried again later.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Tests only: also accept endpoints on loopback addresses (the local fake push service). Private,
    /// link-local and other internal addresses stay refused.
    /// </summary>
    public bool AllowLoopback { get; set; }
    /// <summary>Tests only: a PEM certificate to trust for push services (the fake push service's throwaway certificate).</summary>
    public string? TrustedCertificate { get; set; }
}
