using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rathausplatz.Data;
using Rathausplatz.Features.Accounts;
using Rathausplatz.Features.Intranet.Spaces;

namespace Rathausplatz.Features.Intranet.Wiki;

/// <summary>
/// A page of a wiki: a space's wiki, or (without space) the organisation's knowledge base. Pages form a tree
/// (parent, position among siblings). Every save adds a <see cref="WikiRevision"/>; <see cref="Version"/> is the
/// number of the latest one and guards against two people saving over each other.
/// </summary>
public sealed class WikiPage : ITenantOwned
{
    public const int MaxTitle = 150;
    public const int MaxBody = 50_000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    /// <summary>The space whose wiki this is; null for the organisation's knowledge base.</summary>
    public Guid? SpaceId { get; set; }
    public Guid? ParentId { get; set; }
    /// <summary>The order among the pages with the same parent.</summary>
    public int Position { get; set; }
    public required string Title { get; set; }
    /// <summary>The page's address in its wiki; chosen once from the first title and kept when the title changes, so links stay.</summary>
    public required string Slug { get; set; }
    /// <summary>The current title as a link target (<see cref="WikiText.KeyOf"/>): [[Title]] finds the page by it.</summary>
    public required string TitleKey { get; set; }
    /// <summary>Markdown with [[links]]; shown only through <see cref="WikiText"/>, which sanitises.</summary>
    public string Body { get; set; } = "";
    /// <summary>Offered as a template when a page of the same wiki is created.</summary>
    public bool IsTemplate { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>A page as one save left it. Restoring an older revision adds a new one that says which it restored.</summary>
public sealed class WikiRevision : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public Guid PageId { get; set; }
    /// <summary>1, 2, 3 … per page; unique, so of two saves of the same version only one gets in.</summary>
    public int Number { get; set; }
    public Guid? AuthorId { get; set; }
    public DateTime CreatedAt { get; set; }
    public required string Title { get; set; }
    public string Body { get; set; } = "";
    /// <summary>The number of the revision this one brought back, if it is a restore.</summary>
    public int? RestoredFrom { get; set; }
}

/// <summary>A [[link]] in a page's current text, by target key; rewritten whenever the page is saved. Backlinks are read from here.</summary>
public sealed class WikiLink : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public Guid FromPageId { get; set; }
    /// <summary>Null for the knowledge base; the same as the linking page's, kept here so backlinks need no join to find their wiki.</summary>
    public Guid? SpaceId { get; set; }
    public required string TargetKey { get; set; }
}

internal sealed class WikiConfiguration : IEntityTypeConfiguration<WikiPage>, IEntityTypeConfiguration<WikiRevision>, IEntityTypeConfiguration<WikiLink>
{
    public void Configure(EntityTypeBuilder<WikiPage> page)
    {
        page.ToTable("IntranetWikiPages");
        page.Property(p => p.Title).HasMaxLength(WikiPage.MaxTitle);
        page.Property(p => p.Slug).HasMaxLength(WikiPage.MaxTitle + 10);
        page.Property(p => p.TitleKey).HasMaxLength(WikiPage.MaxTitle + 10);
        page.Property(p => p.Body).HasMaxLength(WikiPage.MaxBody);
        page.Property(p => p.Version).IsConcurrencyToken();
        // A space's pages by address (unique), and the knowledge base's: NULL spaces are distinct in a unique
        // index on both providers, so the organisation's one needs its own filtered index.
        page.HasIndex(p => new { p.SpaceId, p.Slug }).IsUnique();
        page.HasIndex(p => new { p.OrganizationId, p.Slug }).IsUnique().HasFilter("\"SpaceId\" IS NULL");
        page.HasIndex(p => new { p.SpaceId, p.TitleKey });
        page.HasIndex(p => new { p.ParentId, p.Position });
        page.HasOne<Space>().WithMany().HasForeignKey(p => p.SpaceId).OnDelete(DeleteBehavior.Cascade);
        page.HasOne<WikiPage>().WithMany().HasForeignKey(p => p.ParentId).OnDelete(DeleteBehavior.NoAction);
    }

    public void Configure(EntityTypeBuilder<WikiRevision> revision)
    {
        revision.ToTable("IntranetWikiRevisions");
        revision.Property(r => r.Title).HasMaxLength(WikiPage.MaxTitle);
        revision.Property(r => r.Body).HasMaxLength(WikiPage.MaxBody);
        revision.HasIndex(r => new { r.PageId, r.Number }).IsUnique();
        revision.HasOne<WikiPage>().WithMany().HasForeignKey(r => r.PageId).OnDelete(DeleteBehavior.Cascade);
        revision.HasOne<User>().WithMany().HasForeignKey(r => r.AuthorId).OnDelete(DeleteBehavior.SetNull);
    }

    public void Configure(EntityTypeBuilder<WikiLink> link)
    {
        link.ToTable("IntranetWikiLinks");
        link.Property(l => l.TargetKey).HasMaxLength(WikiPage.MaxTitle + 10);
        link.HasIndex(l => new { l.SpaceId, l.TargetKey });
        link.HasIndex(l => l.FromPageId);
        link.HasOne<WikiPage>().WithMany().HasForeignKey(l => l.FromPageId).OnDelete(DeleteBehavior.Cascade);
    }
}
