using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rathausplatz.Data;
using Rathausplatz.Features.Accounts;
using Rathausplatz.Features.Audiences;
using Rathausplatz.Features.Organizations;

namespace Rathausplatz.Features.Delivery.InApp;

/// <summary>
/// A signed-in person's wish to see posts in the app (the list at /benachrichtigungen and the count in
/// the navigation): the same choice as an e-mail subscription (topics × districts × types; none ticked
/// means all), without frequency, language or opt-in — the account is the consent and the address.
/// One per account; deleting the account deletes it.
/// </summary>
/// <remarks>snake_case columns: the fan-out selects from this table with hand-written SQL.</remarks>
public sealed class InAppSubscription : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public Guid UserId { get; set; }
    public bool AllTopics { get; set; } = true;
    public bool AllDistricts { get; set; } = true;
    /// <summary>As <see cref="Subscription.Types"/>: bit (1 &lt;&lt; type) per post type.</summary>
    public int Types { get; set; } = SubscribableTypes.All;
    public List<InAppSubscriptionTopic> Topics { get; set; } = [];
    public List<InAppSubscriptionDistrict> Districts { get; set; } = [];
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

public sealed class InAppSubscriptionTopic
{
    public Guid SubscriptionId { get; set; }
    public Guid TopicId { get; set; }
}

public sealed class InAppSubscriptionDistrict
{
    public Guid SubscriptionId { get; set; }
    public Guid DistrictId { get; set; }
}

/// <summary>
/// That a person has read one notification (the delivery row of post × their in-app subscription).
/// Kept apart from <see cref="Delivery"/> so the engine's table stays the same for every channel.
/// </summary>
public sealed class InAppRead
{
    public Guid SubscriptionId { get; set; }
    public Guid PostId { get; set; }
    public DateTime ReadAt { get; set; }
}

internal sealed class InAppConfiguration : IEntityTypeConfiguration<InAppSubscription>, IEntityTypeConfiguration<InAppSubscriptionTopic>,
    IEntityTypeConfiguration<InAppSubscriptionDistrict>, IEntityTypeConfiguration<InAppRead>
{
    public void Configure(EntityTypeBuilder<InAppSubscription> s)
    {
        s.ToTable("in_app_subscriptions");
        s.Property(x => x.Id).HasColumnName("id");
        s.Property(x => x.OrganizationId).HasColumnName("organization_id");
        s.Property(x => x.UserId).HasColumnName("user_id");
        s.Property(x => x.AllTopics).HasColumnName("all_topics");
        s.Property(x => x.AllDistricts).HasColumnName("all_districts");
        s.Property(x => x.Types).HasColumnName("types");
        s.Property(x => x.CreatedAt).HasColumnName("created_at");
        s.Property(x => x.UpdatedAt).HasColumnName("updated_at");
        s.HasIndex(x => x.UserId).IsUnique();
        s.HasIndex(x => new { x.OrganizationId, x.Id });
        s.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        s.HasOne<User>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        s.HasMany(x => x.Topics).WithOne().HasForeignKey(t => t.SubscriptionId).OnDelete(DeleteBehavior.Cascade);
        s.HasMany(x => x.Districts).WithOne().HasForeignKey(d => d.SubscriptionId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<InAppSubscriptionTopic> t)
    {
        t.ToTable("in_app_subscription_topics");
        t.HasKey(x => new { x.SubscriptionId, x.TopicId });
        t.Property(x => x.SubscriptionId).HasColumnName("subscription_id");
        t.Property(x => x.TopicId).HasColumnName("topic_id");
        t.HasOne<Topic>().WithMany().HasForeignKey(x => x.TopicId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<InAppSubscriptionDistrict> d)
    {
        d.ToTable("in_app_subscription_districts");
        d.HasKey(x => new { x.SubscriptionId, x.DistrictId });
        d.Property(x => x.SubscriptionId).HasColumnName("subscription_id");
        d.Property(x => x.DistrictId).HasColumnName("district_id");
        d.HasOne<District>().WithMany().HasForeignKey(x => x.DistrictId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<InAppRead> r)
    {
        r.ToTable("in_app_reads");
        r.HasKey(x => new { x.SubscriptionId, x.PostId });
        r.HasOne<InAppSubscription>().WithMany().HasForeignKey(x => x.SubscriptionId).OnDelete(DeleteBehavior.Cascade);
        r.HasOne<Newsroom.Post>().WithMany().HasForeignKey(x => x.PostId).OnDelete(DeleteBehavior.Cascade);
    }
}
