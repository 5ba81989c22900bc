using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rathausplatz.Data;

namespace Rathausplatz.Features.Intranet.Search;

/// <summary>What a search result is. Stored as numbers: do not reorder.</summary>
public enum SearchKind { Post = 0, Comment = 1, WikiPage = 2, Document = 3, Task = 4, Space = 5, Person = 6, Question = 7, DocumentComment = 8 }

/// <summary>
/// One findable thing of the intranet as the search index sees it: the stems of its title and text
/// (<see cref="Newsroom.Search.SearchText.Normalise"/>) for matching, and its shown title, plain text and
/// address for the result list. <see cref="SpaceId"/> is what the permission filter joins on: the space an
/// item belongs to (a space's own entry carries its id), null for the knowledge base, people and expert
/// questions, which are for staff. <see cref="IntranetSearchIndexer"/> keeps the rows in step with the items.
/// </summary>
public sealed class IntranetSearchEntry : ITenantOwned
{
    public const int MaxTitle = 200;
    /// <summary>Enough plain text for a snippet; the stems cover the whole item.</summary>
    public const int MaxText = 2000;

    /// <summary>An integer key because FTS5 addresses rows of its external content by rowid.</summary>
    public long Id { get; set; }
    public Guid OrganizationId { get; set; }
    public SearchKind Kind { get; set; }
    public Guid ItemId { get; set; }
    public Guid? SpaceId { get; set; }
    /// <summary>Stems of the title.</summary>
    public string Title { get; set; } = "";
    /// <summary>Stems of the text.</summary>
    public string Body { get; set; } = "";
    public string ShownTitle { get; set; } = "";
    /// <summary>The beginning of the plain text, for the snippet.</summary>
    public string ShownText { get; set; } = "";
    public string Path { get; set; } = "";
    public DateTime ChangedAt { get; set; }
}

internal sealed class IntranetSearchEntryConfiguration : IEntityTypeConfiguration<IntranetSearchEntry>
{
    public void Configure(EntityTypeBuilder<IntranetSearchEntry> entry)
    {
        entry.ToTable(IntranetSearchSchema.Table);
        entry.Property(e => e.ShownTitle).HasMaxLength(IntranetSearchEntry.MaxTitle);
        entry.Property(e => e.ShownText).HasMaxLength(IntranetSearchEntry.MaxText);
        entry.Property(e => e.Path).HasMaxLength(300);
        entry.HasIndex(e => new { e.Kind, e.ItemId }).IsUnique();
    }
}
