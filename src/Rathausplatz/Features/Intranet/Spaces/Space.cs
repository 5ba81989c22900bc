using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rathausplatz.Data;
using Rathausplatz.Features.Accounts;

namespace Rathausplatz.Features.Intranet.Spaces;

/// <summary>What a space is for. Stored as numbers: do not reorder.</summary>
public enum SpaceKind { CommunityOfPractice = 0, CompetenceCentre = 1, Project = 2 }

/// <summary>How staff get into a space. Stored as numbers: do not reorder.</summary>
public enum JoinPolicy { Open = 0, OnRequest = 1, InvitationOnly = 2 }

/// <summary>A person's part in one space. Stored as numbers: do not reorder.</summary>
public enum SpaceRole { Owner = 0, Member = 1, Guest = 2 }

/// <summary>
/// A place where staff work together across departments: a community of practice, a competence centre or a
/// project. Who may see and do what in it is decided in one place, <see cref="SpaceAccess"/>.
/// </summary>
public sealed class Space : ITenantOwned
{
    public const int MaxTitle = 120;
    public const int MaxDescription = 4000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public SpaceKind Kind { get; set; }
    public required string Title { get; set; }
    /// <summary>Markdown; shown only through <see cref="MarkdownRenderer"/>.</summary>
    public string Description { get; set; } = "";
    public JoinPolicy JoinPolicy { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>One person in one space, with their role there (independent of their roles in the organisation).</summary>
public sealed class SpaceMember : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public Guid SpaceId { get; set; }
    public Guid UserId { get; set; }
    public SpaceRole Role { get; set; }
    public DateTime JoinedAt { get; set; }
}

/// <summary>A staff member asks to join a space whose owners decide; it is gone once they have.</summary>
public sealed class JoinRequest : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public Guid SpaceId { get; set; }
    public Guid UserId { get; set; }
    public DateTime At { get; set; }
}

internal sealed class SpaceConfiguration : IEntityTypeConfiguration<Space>, IEntityTypeConfiguration<SpaceMember>, IEntityTypeConfiguration<JoinRequest>
{
    public void Configure(EntityTypeBuilder<Space> space)
    {
        space.ToTable("IntranetSpaces");
        space.Property(s => s.Title).HasMaxLength(Space.MaxTitle);
        space.Property(s => s.Description).HasMaxLength(Space.MaxDescription);
        space.HasIndex(s => new { s.OrganizationId, s.Title });
    }

    public void Configure(EntityTypeBuilder<SpaceMember> member)
    {
        member.ToTable("IntranetSpaceMembers");
        // One membership per person and space: joining twice at once fails on the second insert.
        member.HasIndex(m => new { m.SpaceId, m.UserId }).IsUnique();
        // "My spaces" for the stream starts from the person.
        member.HasIndex(m => new { m.UserId, m.SpaceId });
        member.HasOne<Space>().WithMany().HasForeignKey(m => m.SpaceId).OnDelete(DeleteBehavior.Cascade);
        member.HasOne<User>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<JoinRequest> request)
    {
        request.ToTable("IntranetJoinRequests");
        request.HasIndex(r => new { r.SpaceId, r.UserId }).IsUnique();
        request.HasOne<Space>().WithMany().HasForeignKey(r => r.SpaceId).OnDelete(DeleteBehavior.Cascade);
        request.HasOne<User>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
