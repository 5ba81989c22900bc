using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rathausplatz.Data;
using Rathausplatz.Features.Audiences;
using Rathausplatz.Features.Organizations;

namespace Rathausplatz.Features.Delivery.Push;

/// <summary>
/// A browser that asked for push notifications from this organisation: the push service's endpoint
/// and the browser's keys (RFC 8291), with the same choice as an e-mail subscription (topics ×
/// districts × types, language). No double opt-in: the browser's permission prompt is the consent,
/// recorded here like e-mail's. Push is always immediate; digests are for e-mail.
/// </summary>
/// <remarks>snake_case columns: the fan-out is hand-written SQL shared by both providers.</remarks>
public sealed class PushSubscription : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    /// <summary>The push service's URL for this browser; a capability (whoever knows it can push), so it is personal data.</summary>
    [PersonalData]
    public required string Endpoint { get; set; }
    /// <summary>The browser's P-256 public key, base64url (uncompressed point).</summary>
    public required string P256dh { get; set; }
    /// <summary>The browser's 16-byte authentication secret, base64url.</summary>
    public required string Auth { get; set; }

    public bool AllTopics { get; set; } = true;
    public bool AllDistricts { get; set; } = true;
    public int Types { get; set; } = SubscribableTypes.All;
    public List<PushSubscriptionTopic> Topics { get; set; } = [];
    public List<PushSubscriptionDistrict> Districts { get; set; } = [];
    public string Language { get; set; } = "de";

    // Consent record (Art. 7 (1) DSGVO), as for e-mail; no IP address, no user agent.
    public required string ConsentTextVersion { get; set; }
    public DateTime ConsentGivenAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

public sealed class PushSubscriptionTopic
{
    public Guid SubscriptionId { get; set; }
    public Guid TopicId { get; set; }
}

public sealed class PushSubscriptionDistrict
{
    public Guid SubscriptionId { get; set; }
    public Guid DistrictId { get; set; }
}

/// <summary>The wording shown beside the push button. Change the text, change the version.</summary>
public static class PushConsentText
{
    public const string Version = "2026-11-push-de-1";

    public static readonly string Wording = Texts.Key("Ich möchte die gewählten Nachrichten als Push-Benachrichtigung in diesem Browser erhalten. Gespeichert wird nur die Adresse, die mein Browser dafür vergibt; ich kann das jederzeit hier oder in den Einstellungen des Browsers beenden.");
}

internal sealed class PushSubscriptionConfiguration : IEntityTypeConfiguration<PushSubscription>,
    IEntityTypeConfiguration<PushSubscriptionTopic>, IEntityTypeConfiguration<PushSubscriptionDistrict>
{
    public void Configure(EntityTypeBuilder<PushSubscription> s)
    {
        s.ToTable("push_subscriptions");
        s.Property(x => x.Id).HasColumnName("id");
        s.Property(x => x.OrganizationId).HasColumnName("organization_id");
        s.Property(x => x.Endpoint).HasColumnName("endpoint").HasMaxLength(PushEndpoints.MaxLength);
        s.Property(x => x.P256dh).HasColumnName("p256dh").HasMaxLength(100);
        s.Property(x => x.Auth).HasColumnName("auth").HasMaxLength(50);
        s.Property(x => x.AllTopics).HasColumnName("all_topics");
        s.Property(x => x.AllDistricts).HasColumnName("all_districts");
        s.Property(x => x.Types).HasColumnName("types");
        s.Property(x => x.Language).HasColumnName("language").HasMaxLength(10);
        s.Property(x => x.ConsentTextVersion).HasColumnName("consent_text_version").HasMaxLength(40);
        s.Property(x => x.ConsentGivenAt).HasColumnName("consent_given_at");
        s.Property(x => x.CreatedAt).HasColumnName("created_at");
        s.Property(x => x.UpdatedAt).HasColumnName("updated_at");
        s.HasIndex(x => new { x.OrganizationId, x.Endpoint }).IsUnique();
        // The fan-out walks one organisation's push subscriptions in id order (keyset paging).
        s.HasIndex(x => new { x.OrganizationId, x.Id });
        s.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        s.HasMany(x => x.Topics).WithOne().HasForeignKey(t => t.SubscriptionId).OnDelete(DeleteBehavior.Cascade);
        s.HasMany(x => x.Districts).WithOne().HasForeignKey(d => d.SubscriptionId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<PushSubscriptionTopic> t)
    {
        t.ToTable("push_subscription_topics");
        t.HasKey(x => new { x.SubscriptionId, x.TopicId });
        t.Property(x => x.SubscriptionId).HasColumnName("subscription_id");
        t.Property(x => x.TopicId).HasColumnName("topic_id");
        t.HasIndex(x => new { x.TopicId, x.SubscriptionId });
        t.HasOne<Topic>().WithMany().HasForeignKey(x => x.TopicId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<PushSubscriptionDistrict> d)
    {
        d.ToTable("push_subscription_districts");
        d.HasKey(x => new { x.SubscriptionId, x.DistrictId });
        d.Property(x => x.SubscriptionId).HasColumnName("subscription_id");
        d.Property(x => x.DistrictId).HasColumnName("district_id");
        d.HasIndex(x => new { x.DistrictId, x.SubscriptionId });
        d.HasOne<District>().WithMany().HasForeignKey(x => x.DistrictId).OnDelete(DeleteBehavior.Cascade);
    }
}
