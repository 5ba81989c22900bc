using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rathausplatz.Data;
using Rathausplatz.Features.Organizations;

namespace Rathausplatz.Features.Newsroom;

public enum PostType { News = 0, ServiceInformation = 1, Event = 2, Alert = 3, JobPosting = 4, Page = 5 }

public enum PostStatus { Draft = 0, InReview = 1, Scheduled = 2, Published = 3, Unpublished = 4 }

public enum AlertSeverity { Info = 0, Warning = 1, Danger = 2 }

/// <summary>
/// One item the newsroom publishes. All types share one table with nullable type fields: the types
/// differ by a handful of columns, every list and feed reads across types, and one table keeps
/// those queries free of joins and unions. Texts live per language in <see cref="Contents"/>.
/// </summary>
public sealed class Post : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public PostType Type { get; set; }
    /// <summary>Unique within the organisation; the address of the public page (/aktuelles/{slug}).</summary>
    public required string Slug { get; set; }
    public PostStatus Status { get; set; }

    public DateTime? PublishAt { get; set; }
    public DateTime? UnpublishAt { get; set; }
    public DateTime? PublishedAt { get; set; }

    public List<PostContent> Contents { get; set; } = [];
    public List<Topic> Topics { get; set; } = [];
    public List<District> Districts { get; set; } = [];

    public string? ContactName { get; set; }
    public string? ContactEmail { get; set; }
    public string? ContactDepartment { get; set; }

    /// <summary>Service information and alerts: the period the information is about.</summary>
    public DateTime? ValidFrom { get; set; }
    public DateTime? ValidUntil { get; set; }

    public DateTime? EventStart { get; set; }
    public DateTime? EventEnd { get; set; }
    public bool EventAllDay { get; set; }
    public string? PlaceName { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public string? AccessibilityNotes { get; set; }
    public string? RegistrationUrl { get; set; }
    /// <summary>RFC 5545 RRULE value (without "RRULE:") for a repeating event; DTSTART is <see cref="EventStart"/>.</summary>
    public string? Recurrence { get; set; }
    /// <summary>Local dates ("yyyy-MM-dd", comma-separated) on which a repeating event does not take place (EXDATE).</summary>
    public string? RecurrenceExceptions { get; set; }
    /// <summary>
    /// Start and end of the next occurrence not yet over, and when the last one is over (null: repeats
    /// without end). Derived (<see cref="Events.EventRecurrence.Recompute"/>) on save and by a job when an
    /// occurrence passes, so lists of upcoming events stay plain SQL.
    /// </summary>
    public DateTime? NextOccurrenceStart { get; set; }
    public DateTime? NextOccurrenceEnd { get; set; }
    public DateTime? OccursUntil { get; set; }

    public AlertSeverity? Severity { get; set; }

    public string? JobDepartment { get; set; }
    public string? EmploymentType { get; set; }
    /// <summary>Free text such as "TVöD E 9b" or "A 11": collective agreements differ too much for a list.</summary>
    public string? PayGrade { get; set; }
    public DateTime? ApplicationDeadline { get; set; }
    public string? HowToApply { get; set; }

    public Guid CreatedById { get; set; }
    /// <summary>The author's name at the time: the account may be renamed or erased later.</summary>
    public string CreatedByName { get; set; } = "";
    public Guid? SubmittedById { get; set; }
    public string? ReviewComment { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public PostContent German => Contents.Single(c => c.Language == PostLanguages.German);

    public PostContent? In(string language) => Contents.FirstOrDefault(c => c.Language == language);
}

/// <summary>The texts of a post in one language.</summary>
public sealed class PostContent
{
    /// <summary>One of <see cref="PostLanguages"/>.</summary>
    public required string Language { get; set; }
    public required string Title { get; set; }
    public string Summary { get; set; } = "";
    /// <summary>Markdown; rendered through <see cref="Web.MarkdownRenderer"/> only.</summary>
    public string Body { get; set; } = "";
}

public static class PostLanguages
{
    public const string German = "de";
    public const string English = "en";
    /// <summary>"Leichte Sprache": German in easy language, a private-use BCP 47 tag as the Netzwerk Leichte Sprache has none.</summary>
    public const string EasyGerman = "de-x-ls";
}

internal sealed class PostConfiguration : IEntityTypeConfiguration<Post>
{
    public void Configure(EntityTypeBuilder<Post> post)
    {
        post.Property(p => p.Slug).HasMaxLength(100);
        post.HasIndex(p => new { p.OrganizationId, p.Slug }).IsUnique();
        post.HasIndex(p => new { p.OrganizationId, p.Status, p.Type });
        // The public lists (/aktuelles, home page, feeds, sitemap) take the newest published posts: read
        // in this order they stop after a page instead of sorting all of them (bench/RESULTS.md, "Search").
        post.HasIndex(p => new { p.OrganizationId, p.Status, p.PublishedAt });
        post.HasOne<Organization>().WithMany().HasForeignKey(p => p.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        post.Ignore(p => p.German);
        post.OwnsMany(p => p.Contents, content =>
        {
            content.ToTable("PostContents");
            content.WithOwner().HasForeignKey("PostId");
            content.HasKey("PostId", nameof(PostContent.Language));
            content.Property(c => c.Language).HasMaxLength(10);
            content.Property(c => c.Title).HasMaxLength(200);
            content.Property(c => c.Summary).HasMaxLength(500);
        });
        post.HasMany(p => p.Topics).WithMany().UsingEntity("PostTopics");
        post.HasMany(p => p.Districts).WithMany().UsingEntity("PostDistricts");
        foreach (var text in new[] { nameof(Post.ContactName), nameof(Post.ContactDepartment), nameof(Post.PlaceName), nameof(Post.JobDepartment), nameof(Post.EmploymentType), nameof(Post.CreatedByName) })
            post.Property(text).HasMaxLength(200);
        post.Property(p => p.ContactEmail).HasMaxLength(254);
        post.Property(p => p.PayGrade).HasMaxLength(50);
        post.Property(p => p.RegistrationUrl).HasMaxLength(2000);
        post.Property(p => p.AccessibilityNotes).HasMaxLength(2000);
        post.Property(p => p.HowToApply).HasMaxLength(4000);
        post.Property(p => p.ReviewComment).HasMaxLength(2000);
        post.Property(p => p.Recurrence).HasMaxLength(500);
        post.Property(p => p.RecurrenceExceptions).HasMaxLength(2000);
        post.HasIndex(p => new { p.OrganizationId, p.Type, p.NextOccurrenceStart });
    }
}
