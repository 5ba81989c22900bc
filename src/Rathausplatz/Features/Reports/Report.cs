using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rathausplatz.Data;
using Rathausplatz.Features.Accounts;
using Rathausplatz.Features.Organizations;

namespace Rathausplatz.Features.Reports;

/// <summary>Where a report stands. Open311 knows only <c>open</c> and <c>closed</c>: see <see cref="ReportStatuses.IsOpen"/>.</summary>
public enum ReportStatus { Received = 0, InProgress = 1, Done = 2, Rejected = 3, Forwarded = 4 }

public static class ReportStatuses
{
    public static readonly ReportStatus[] All = Enum.GetValues<ReportStatus>();
    public static readonly ReportStatus[] Open = [ReportStatus.Received, ReportStatus.InProgress];

    public static bool IsOpen(this ReportStatus status) => status is ReportStatus.Received or ReportStatus.InProgress;

    /// <summary>The Open311 <c>status</c>.</summary>
    public static string Open311(this ReportStatus status) => status.IsOpen() ? "open" : "closed";
}

/// <summary>
/// A citizen's report of a problem at a place: the Open311 <em>service request</em>. The reporter's
/// address is never shown to the public; the reporter's links carry <see cref="Secret"/>.
/// </summary>
public sealed class Report : ITenantOwned
{
    public const int MinDescription = 10;
    public const int MaxDescription = 4000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    /// <summary>Open311 <c>service_request_id</c> and the number people quote ("K7QM-3XHD"): random, so not guessable in sequence.</summary>
    public required string PublicId { get; set; }
    public Guid CategoryId { get; set; }
    public ReportStatus Status { get; set; }
    public required string Description { get; set; }
    /// <summary>WGS 84.</summary>
    public double Latitude { get; set; }
    public double Longitude { get; set; }
    /// <summary>The address as the reporter typed it (or the geocoder's input); optional when a point was chosen.</summary>
    public string? Address { get; set; }
    /// <summary>The district containing the point (point-in-polygon when submitted); null outside all districts.</summary>
    public Guid? DistrictId { get; set; }

    /// <summary>Open311 <c>requested_datetime</c>.</summary>
    public DateTime RequestedAt { get; set; }
    /// <summary>Open311 <c>updated_datetime</c>: the last change the public can see.</summary>
    public DateTime UpdatedAt { get; set; }
    /// <summary>Open311 <c>expected_datetime</c>: receipt + the category's due days.</summary>
    public DateTime? ExpectedAt { get; set; }
    /// <summary>The first public update or status change by staff (for the response-time figures).</summary>
    public DateTime? FirstResponseAt { get; set; }
    /// <summary>When the report was closed (done, rejected, forwarded); cleared when it is reopened.</summary>
    public DateTime? ClosedAt { get; set; }

    /// <summary>Whose queue it is in (Open311 <c>agency_responsible</c>); null: not routed.</summary>
    public Guid? DepartmentId { get; set; }
    /// <summary>The staff member working on it.</summary>
    public Guid? AssigneeId { get; set; }

    /// <summary>For updates by mail; never public, never in logs. Normalised (trimmed, lower case).</summary>
    [PersonalData]
    public string? ReporterEmail { get; set; }
    /// <summary>Set when the reporter used the confirmation link (or was signed in with that confirmed address); no mail before.</summary>
    public DateTime? ReporterEmailVerifiedAt { get; set; }
    /// <summary>The account that reported, when signed in.</summary>
    public Guid? ReporterUserId { get; set; }
    /// <summary>"de" or "en": the language of the reporter's mails.</summary>
    public string ReporterLanguage { get; set; } = "de";
    /// <summary>Random; in the reporter's links (confirm the address, answer the follow-up question).</summary>
    public string Secret { get; set; } = NewSecret();
    /// <summary>Open311 <c>token</c>: handed out when a client submits, exchanged for the id by <c>GET tokens/{token}</c>.</summary>
    public string RequestToken { get; set; } = NewSecret();
    /// <summary>The Open311 client application that submitted it; null for the web form.</summary>
    public Guid? ClientApplicationId { get; set; }

    /// <summary>Answers to the category's fields by field code; one value each, several for a multi-value list.</summary>
    public Dictionary<string, List<string>> Answers { get; set; } = [];
    /// <summary>Verified "me too"s (<see cref="ReportSupport"/>), kept here for lists and sorting.</summary>
    public int SupportCount { get; set; }

    /// <summary>When the reporter was last asked whether the problem is really fixed; the answer links carry it, so a later question voids older links.</summary>
    public DateTime? FollowUpAskedAt { get; set; }
    /// <summary>When the reporter answered that question (each link works once).</summary>
    public DateTime? FollowUpAnsweredAt { get; set; }

    public bool ReporterEmailVerified => ReporterEmailVerifiedAt is not null;

    public static string NewSecret() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}

/// <summary>Short random ids people can read aloud: no 0/O, 1/I/L, no U, so fewer accidental words.</summary>
public static class ReportIds
{
    private const string Alphabet = "23456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static string New()
    {
        Span<char> id = stackalloc char[9];
        for (var i = 0; i < id.Length; i++)
            id[i] = i == 4 ? '-' : Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        return new string(id);
    }

    /// <summary>Accepts what people type: lower case, spaces, no dash.</summary>
    public static string Normalize(string? typed)
    {
        var plain = new string((typed ?? "").Where(char.IsAsciiLetterOrDigit).Select(char.ToUpperInvariant).ToArray());
        return plain.Length == 8 ? $"{plain[..4]}-{plain[4..]}" : plain;
    }
}

internal sealed class ReportConfiguration : IEntityTypeConfiguration<Report>
{
    public void Configure(EntityTypeBuilder<Report> report)
    {
        report.ToTable("Reports");
        report.Property(r => r.PublicId).HasMaxLength(20);
        report.Property(r => r.Description).HasMaxLength(Report.MaxDescription);
        report.Property(r => r.Address).HasMaxLength(300);
        report.Property(r => r.ReporterEmail).HasMaxLength(254);
        report.Property(r => r.ReporterLanguage).HasMaxLength(10);
        report.Property(r => r.Secret).HasMaxLength(64);
        report.Property(r => r.RequestToken).HasMaxLength(64);
        report.Property(r => r.Answers).AsJson();
        report.HasIndex(r => new { r.OrganizationId, r.PublicId }).IsUnique();
        report.HasIndex(r => new { r.OrganizationId, r.RequestToken }).IsUnique();
        // The public list and Open311: newest first, by status or by category.
        report.HasIndex(r => new { r.OrganizationId, r.Status, r.RequestedAt });
        report.HasIndex(r => new { r.OrganizationId, r.CategoryId, r.RequestedAt });
        // The map and Open311's bbox: covering, so the box is filtered and sorted in the index alone and only
        // the page's rows are read (the map's few columns, or Open311's page of ids; bench/reports).
        report.HasIndex(r => new { r.OrganizationId, r.Latitude, r.Longitude, r.RequestedAt, r.Status, r.CategoryId, r.PublicId, r.Id })
            .HasDatabaseName("IX_Reports_OrganizationId_Position_Covering");
        // Newest first without a status or category: Open311's GET requests (the last 90 days) and the map of a
        // large box, which walks back in time until it has 1,000 points in the box. Covering, so that walk reads
        // index entries only: PostgreSQL took it anyway and read 16,000 report rows for one map (33 ms; 5 ms so).
        report.HasIndex(r => new { r.OrganizationId, r.RequestedAt, r.Latitude, r.Longitude, r.Status, r.CategoryId, r.PublicId })
            .HasDatabaseName("IX_Reports_OrganizationId_Time_Covering");
        // The back office's queues.
        report.HasIndex(r => new { r.DepartmentId, r.Status });
        report.HasIndex(r => r.AssigneeId);
        report.HasOne<Organization>().WithMany().HasForeignKey(r => r.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        // Categories with reports are deactivated, not deleted.
        report.HasOne<ReportCategory>().WithMany().HasForeignKey(r => r.CategoryId).OnDelete(DeleteBehavior.Restrict);
        report.HasOne<District>().WithMany().HasForeignKey(r => r.DistrictId).OnDelete(DeleteBehavior.SetNull);
        report.HasOne<Department>().WithMany().HasForeignKey(r => r.DepartmentId).OnDelete(DeleteBehavior.SetNull);
        report.HasOne<User>().WithMany().HasForeignKey(r => r.AssigneeId).OnDelete(DeleteBehavior.SetNull);
        report.HasOne<User>().WithMany().HasForeignKey(r => r.ReporterUserId).OnDelete(DeleteBehavior.SetNull);
    }
}
