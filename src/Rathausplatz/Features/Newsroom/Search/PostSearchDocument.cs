using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rathausplatz.Data;

namespace Rathausplatz.Features.Newsroom.Search;

/// <summary>
/// One language version of a published post as the search index sees it: the stems of its texts
/// (<see cref="SearchText.Normalise"/>), never the texts themselves. Only published posts have rows,
/// so a draft cannot be found even by a query that forgets to filter; <see cref="PostSearchIndexer"/>
/// keeps the rows in step with the post in the same SaveChanges. The full-text index over them is
/// provider SQL (<see cref="SearchSchema"/>): an FTS5 table on SQLite, a tsvector column on PostgreSQL.
/// </summary>
public sealed class PostSearchDocument : ITenantOwned
{
    /// <summary>An integer key because FTS5 addresses rows of its external content by rowid.</summary>
    public long Id { get; set; }
    public Guid OrganizationId { get; set; }
    public Guid PostId { get; set; }
    public required string Language { get; set; }
    public string Title { get; set; } = "";
    public string Summary { get; set; } = "";
    /// <summary>Body, place, department and the other texts a citizen might search for.</summary>
    public string Body { get; set; } = "";
}

internal sealed class PostSearchDocumentConfiguration : IEntityTypeConfiguration<PostSearchDocument>
{
    public void Configure(EntityTypeBuilder<PostSearchDocument> document)
    {
        document.ToTable(SearchSchema.Table);
        document.Property(d => d.Language).HasMaxLength(10);
        document.HasIndex(d => new { d.PostId, d.Language }).IsUnique();
        document.HasOne<Post>().WithMany().HasForeignKey(d => d.PostId).OnDelete(DeleteBehavior.Cascade);
    }
}
