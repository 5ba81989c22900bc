using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rathausplatz.Data;
using Rathausplatz.Features.Newsroom;
using Rathausplatz.Features.Organizations;

namespace Rathausplatz.Features.Audiences;

public enum SubscriptionState { Pending = 0, Confirmed = 1, Disabled = 2 }

public enum DeliveryFrequency { Immediately = 0, Daily = 1, Weekly = 2 }

/// <summary>
/// An e-mail address that asked for posts of this organisation, with what it wants (topics ×
/// districts × types, how often, which language) and the consent record of its double opt-in.
/// No account needed; nothing is sent before <see cref="ConfirmedAt"/>.
/// </summary>
/// <remarks>Column names are snake_case: the fan-out selects matching subscriptions with hand-written SQL.</remarks>
public sealed class Subscription : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    /// <summary>Normalised by <see cref="EmailAddresses.Normalize"/>: unique per organisation.</summary>
    [PersonalData]
    public required string Email { get; set; }
    public SubscriptionState State { get; set; }

    public bool AllTopics { get; set; } = true;
    public bool AllDistricts { get; set; } = true;
    /// <summary>Bit (1 &lt;&lt; <see cref="PostType"/>) per type wanted; see <see cref="SubscribableTypes"/>.</summary>
    public int Types { get; set; } = SubscribableTypes.All;
    public List<SubscriptionTopic> Topics { get; set; } = [];
    public List<SubscriptionDistrict> Districts { get; set; } = [];
    public DeliveryFrequency Frequency { get; set; }
    /// <summary>"de" or "en": the language of the mails.</summary>
    public string Language { get; set; } = "de";

    /// <summary>Random, in the confirmation link; cleared on confirmation, so the link works once.</summary>
    public string? ConfirmationNonce { get; set; }
    /// <summary>Random, in every preference and unsubscribe link of this subscription.</summary>
    public string ManageKey { get; set; } = SubscriptionTokens.NewSecret();

    // The consent record (Art. 7 (1) DSGVO: the controller must be able to prove consent). No IP address.
    /// <summary>The version of the consent wording the form showed (<see cref="ConsentText.Version"/>).</summary>
    public required string ConsentTextVersion { get; set; }
    /// <summary>When the form was sent.</summary>
    public DateTime ConsentGivenAt { get; set; }
    /// <summary>When the link in the confirmation mail was used.</summary>
    public DateTime? ConfirmedAt { get; set; }

    /// <summary>Mails the receiving server refused for good (SMTP 5xx) since the last one it accepted.</summary>
    public int PermanentFailures { get; set; }
    /// <summary>When a bounce mail (DSN) last came back for this address; while recent, a mail the relay accepts proves nothing.</summary>
    public DateTime? LastBounceAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public bool Wants(PostType type) => (Types & SubscribableTypes.Bit(type)) != 0;
}

public sealed class SubscriptionTopic
{
    public Guid SubscriptionId { get; set; }
    public Guid TopicId { get; set; }
}

public sealed class SubscriptionDistrict
{
    public Guid SubscriptionId { get; set; }
    public Guid DistrictId { get; set; }
}

/// <summary>The post types one can subscribe to; pages are reference content and are never sent.</summary>
public static class SubscribableTypes
{
    public static readonly PostType[] List = [PostType.News, PostType.ServiceInformation, PostType.Event, PostType.Alert, PostType.JobPosting];

    public static readonly int All = List.Aggregate(0, (bits, type) => bits | Bit(type));

    public static int Bit(PostType type) => 1 << (int)type;

    public static int Of(IEnumerable<PostType> types) => types.Where(List.Contains).Aggregate(0, (bits, type) => bits | Bit(type));
}

internal sealed class SubscriptionConfiguration : IEntityTypeConfiguration<Subscription>,
    IEntityTypeConfiguration<SubscriptionTopic>, IEntityTypeConfiguration<SubscriptionDistrict>
{
    public void Configure(EntityTypeBuilder<Subscription> s)
    {
        s.ToTable("subscriptions");
        s.Property(x => x.Id).HasColumnName("id");
        s.Property(x => x.OrganizationId).HasColumnName("organization_id");
        s.Property(x => x.Email).HasColumnName("email").HasMaxLength(254);
        s.Property(x => x.State).HasColumnName("state");
        s.Property(x => x.AllTopics).HasColumnName("all_topics");
        s.Property(x => x.AllDistricts).HasColumnName("all_districts");
        s.Property(x => x.Types).HasColumnName("types");
        s.Property(x => x.Frequency).HasColumnName("frequency");
        s.Property(x => x.Language).HasColumnName("language").HasMaxLength(10);
        s.Property(x => x.ConfirmationNonce).HasColumnName("confirmation_nonce").HasMaxLength(64);
        s.Property(x => x.ManageKey).HasColumnName("manage_key").HasMaxLength(64);
        s.Property(x => x.ConsentTextVersion).HasColumnName("consent_text_version").HasMaxLength(40);
        s.Property(x => x.ConsentGivenAt).HasColumnName("consent_given_at");
        s.Property(x => x.ConfirmedAt).HasColumnName("confirmed_at");
        s.Property(x => x.PermanentFailures).HasColumnName("permanent_failures");
        s.Property(x => x.LastBounceAt).HasColumnName("last_bounce_at");
        s.Property(x => x.CreatedAt).HasColumnName("created_at");
        s.Property(x => x.UpdatedAt).HasColumnName("updated_at");
        s.HasIndex(x => new { x.OrganizationId, x.Email }).IsUnique();
        // The fan-out walks confirmed subscriptions of one organisation in id order (keyset paging) and
        // tests what each wants: with those columns in the index it never reads the wide table rows
        // (an index-only scan; on 1,000,000 subscriptions a third of the fan-out's time, bench/RESULTS.md).
        s.HasIndex(x => new { x.OrganizationId, x.State, x.Id, x.Types, x.Frequency, x.AllTopics, x.AllDistricts });
        s.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        s.HasMany(x => x.Topics).WithOne().HasForeignKey(t => t.SubscriptionId).OnDelete(DeleteBehavior.Cascade);
        s.HasMany(x => x.Districts).WithOne().HasForeignKey(d => d.SubscriptionId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<SubscriptionTopic> t)
    {
        t.ToTable("subscription_topics");
        t.HasKey(x => new { x.SubscriptionId, x.TopicId });
        t.Property(x => x.SubscriptionId).HasColumnName("subscription_id");
        t.Property(x => x.TopicId).HasColumnName("topic_id");
        t.HasIndex(x => new { x.TopicId, x.SubscriptionId });
        t.HasOne<Topic>().WithMany().HasForeignKey(x => x.TopicId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<SubscriptionDistrict> d)
    {
        d.ToTable("subscription_districts");
        d.HasKey(x => new { x.SubscriptionId, x.DistrictId });
        d.Property(x => x.SubscriptionId).HasColumnName("subscription_id");
        d.Property(x => x.DistrictId).HasColumnName("district_id");
        d.HasIndex(x => new { x.DistrictId, x.SubscriptionId });
        d.HasOne<District>().WithMany().HasForeignKey(x => x.DistrictId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>The wording the subscriber agreed to. Change the text, change the version: stored consents keep theirs.</summary>
public static class ConsentText
{
    public const string Version = "2026-11-de-1";

    public static readonly string Wording = Texts.Key("Ich möchte die gewählten Nachrichten per E-Mail erhalten. Meine E-Mail-Adresse wird nur dafür gespeichert; ich kann das Abonnement jederzeit über den Link in jeder E-Mail ändern oder beenden.");
}

public static class EmailAddresses
{
    /// <summary>
    /// Trimmed and lower-cased: one person, one subscription, however they type it. Strictly the local part
    /// is case-sensitive, but no mailbox provider in practice treats "Anna@" and "anna@" as two people.
    /// </summary>
    public static string Normalize(string address) => address.Trim().ToLowerInvariant();

    /// <summary>"a***@example.org": enough for staff to answer "did my mail go out?", no more (data minimisation).</summary>
    public static string Mask(string address)
    {
        var at = address.IndexOf('@');
        return at <= 0 ? "***" : $"{address[0]}***{address[at..]}";
    }
}
