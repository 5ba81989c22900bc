using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rathausplatz.Data;
using Rathausplatz.Features.Accounts;

namespace Rathausplatz.Features.Participation.Proposals;

/// <summary>
/// An image of a proposal (at most <see cref="MaxPerProposal"/>), with the alt text its author wrote. Only re-encoded
/// variants are kept (<see cref="Newsroom.Media.ImageProcessor"/>), so no EXIF or GPS of the original survives.
/// Public with the proposal; moderators hide one like a proposal (the public reads the reason instead).
/// </summary>
public sealed class ProposalImage : ITenantOwned
{
    public const int MaxPerProposal = 3;
    public const int MaxAltText = 300;
    public const long MaxBytes = 10 * 1024 * 1024;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public Guid ProposalId { get; set; }
    public int Position { get; set; }
    public required string AltText { get; set; }
    /// <summary>Upright size of the largest variant.</summary>
    public int Width { get; set; }
    public int Height { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? HiddenAt { get; set; }
    public Guid? HiddenById { get; set; }
    public string? HiddenReason { get; set; }
    public List<ProposalImageVariant> Variants { get; set; } = [];

    public bool Hidden => HiddenAt is not null;
}

/// <summary>One width of an image in one format; its URL carries its hash.</summary>
public sealed class ProposalImageVariant : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public Guid ImageId { get; set; }
    public int Width { get; set; }
    public int Height { get; set; }
    /// <summary>"image/webp" or "image/jpeg".</summary>
    public required string ContentType { get; set; }
    public required string Hash { get; set; }
    public byte[] Bytes { get; set; } = [];
}

internal sealed class ProposalImageConfiguration : IEntityTypeConfiguration<ProposalImage>, IEntityTypeConfiguration<ProposalImageVariant>
{
    public void Configure(EntityTypeBuilder<ProposalImage> image)
    {
        image.ToTable("ProposalImages");
        image.Property(i => i.AltText).HasMaxLength(ProposalImage.MaxAltText);
        image.Property(i => i.HiddenReason).HasMaxLength(Moderation.ContentFlag.MaxReason);
        image.HasIndex(i => new { i.ProposalId, i.Position });
        image.HasOne<Proposal>().WithMany().HasForeignKey(i => i.ProposalId).OnDelete(DeleteBehavior.Cascade);
        image.HasOne<User>().WithMany().HasForeignKey(i => i.HiddenById).OnDelete(DeleteBehavior.SetNull);
        image.HasMany(i => i.Variants).WithOne().HasForeignKey(v => v.ImageId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<ProposalImageVariant> variant)
    {
        variant.ToTable("ProposalImageVariants");
        variant.Property(v => v.ContentType).HasMaxLength(20);
        variant.Property(v => v.Hash).HasMaxLength(16);
        variant.HasIndex(v => new { v.ImageId, v.Width, v.ContentType }).IsUnique();
    }
}
