using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rathausplatz.Data;

namespace Rathausplatz.Features.Delivery;

/// <summary>How a delivery reaches its recipient. A channel adds a value and an <see cref="IDeliveryChannel"/>.</summary>
/// <remarks>EmailDigest: a post waiting for (or sent in) a daily or weekly digest mail of e-mail subscriptions.</remarks>
public enum DeliveryChannel { Email = 0, Push = 1, InApp = 2, EmailDigest = 3 }

/// <summary>
/// Queued: waits for its turn (or its retry time). Claimed: leased to a worker, which may be sending it
/// now; a claimed row whose lease ran out was never accepted by the server (sent is committed before
/// that point, see docs/delivery.md) and is sent again. Sent, Failed (for good) and Skipped
/// (subscription ended, or post pulled back, before its turn) are final.
/// </summary>
public enum DeliveryState { Queued = 0, Claimed = 1, Sent = 2, Failed = 3, Skipped = 4 }

/// <summary>
/// One post to one subscription over one channel. The key is exactly that triple, so a second
/// fan-out, a retry or another node can only find the row, never add a second one.
/// </summary>
/// <remarks>snake_case columns: fan-out and claim are hand-written SQL shared by both providers.</remarks>
public sealed class Delivery : ITenantOwned
{
    public Guid PostId { get; set; }
    public Guid SubscriptionId { get; set; }
    public DeliveryChannel Channel { get; set; }
    public Guid OrganizationId { get; set; }
    public DeliveryState State { get; set; }
    public int Attempts { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public string? LeaseOwner { get; set; }
    public DateTime? LeaseExpiresAt { get; set; }
    public DateTime? SentAt { get; set; }
    /// <summary>The SMTP status and error class only; never an address.</summary>
    public string? LastError { get; set; }
    public DateTime CreatedAt { get; set; }
}

internal sealed class DeliveryConfiguration : IEntityTypeConfiguration<Delivery>
{
    public void Configure(EntityTypeBuilder<Delivery> d)
    {
        d.ToTable("deliveries");
        d.HasKey(x => new { x.PostId, x.SubscriptionId, x.Channel });
        d.Property(x => x.PostId).HasColumnName("post_id");
        d.Property(x => x.SubscriptionId).HasColumnName("subscription_id");
        d.Property(x => x.Channel).HasColumnName("channel");
        d.Property(x => x.OrganizationId).HasColumnName("organization_id");
        d.Property(x => x.State).HasColumnName("state");
        d.Property(x => x.Attempts).HasColumnName("attempts");
        d.Property(x => x.NextAttemptAt).HasColumnName("next_attempt_at");
        d.Property(x => x.LeaseOwner).HasColumnName("lease_owner").HasMaxLength(100);
        d.Property(x => x.LeaseExpiresAt).HasColumnName("lease_expires_at");
        d.Property(x => x.SentAt).HasColumnName("sent_at");
        d.Property(x => x.LastError).HasColumnName("last_error").HasMaxLength(500);
        d.Property(x => x.CreatedAt).HasColumnName("created_at");
        // The claim looks for due rows of one post and channel; counts group by state.
        d.HasIndex(x => new { x.PostId, x.Channel, x.State, x.NextAttemptAt });
        // The digest claim looks for an organisation's due digest rows across posts.
        d.HasIndex(x => new { x.OrganizationId, x.Channel, x.State, x.NextAttemptAt });
        d.HasOne<Newsroom.Post>().WithMany().HasForeignKey(x => x.PostId).OnDelete(DeleteBehavior.Cascade);
        // No foreign key to the subscription: one that ends is deleted (with the address); its delivery rows stay as counts.
    }
}

public static class DeliveryStateNames
{
    public static string Of(DeliveryState state) => state switch
    {
        DeliveryState.Queued => Texts.Key("Wartend"),
        DeliveryState.Claimed => Texts.Key("Wird gesendet"),
        DeliveryState.Sent => Texts.Key("Gesendet"),
        DeliveryState.Failed => Texts.Key("Fehlgeschlagen"),
        _ => Texts.Key("Übersprungen (abbestellt)"),
    };
}

public static class DeliveryChannelNames
{
    public static string Of(DeliveryChannel channel) => channel switch
    {
        DeliveryChannel.Email => Texts.Key("E-Mail"),
        DeliveryChannel.Push => Texts.Key("Web-Push"),
        DeliveryChannel.InApp => Texts.Key("In der App"),
        _ => Texts.Key("E-Mail-Zusammenfassung"),
    };

    /// <summary>The channel's stable name in the JSON API.</summary>
    public static string Code(DeliveryChannel channel) => channel switch
    {
        DeliveryChannel.Email => "email",
        DeliveryChannel.Push => "push",
        DeliveryChannel.InApp => "in-app",
        _ => "email-digest",
    };
}
