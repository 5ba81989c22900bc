using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rathausplatz.Data;

namespace Rathausplatz.Features.Participation.WithoutAccount;

/// <summary>What a person without an account takes part in. Stored as numbers: do not reorder.</summary>
public enum GuestAction { Support = 0, SurveyAnswer = 1 }

/// <summary>
/// A person without an account who takes part in a process that allows it, known only by an e-mail address
/// they confirmed: one row per (action, proposal or survey, address), so the database keeps it to one
/// support or one answer per address. The row is written when the link is asked for and counts only once
/// the link is used: a support when it is confirmed (<see cref="ConfirmedAt"/>), a survey when the answers went
/// in (<see cref="Answered"/>, without a time: the responses of an anonymous survey carry the day only, and a
/// time here could single one out). The address is kept for the DSGVO's access and erasure requests and is
/// never shown.
/// </summary>
public sealed class GuestParticipant : ITenantOwned
{
    public const int MaxEmail = 254;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public GuestAction Action { get; set; }
    /// <summary>The proposal (support) or the survey (answer).</summary>
    public Guid SubjectId { get; set; }
    /// <summary>Normalised (<see cref="Audiences.EmailAddresses.Normalize"/>).</summary>
    [PersonalData]
    public required string Email { get; set; }
    /// <summary>The language of the page the link was asked for on, for the mail.</summary>
    public string Language { get; set; } = "de";
    /// <summary>Random; in the link, sealed (<see cref="GuestLinks"/>).</summary>
    public string Secret { get; set; } = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
    /// <summary>The day the last link was asked for: unused, the row is deleted after the link expired (<see cref="ForgetUnusedGuestLinks"/>; a day only, like the responses).</summary>
    public DateOnly RequestedOn { get; set; }
    /// <summary>A support counts from this moment.</summary>
    public DateTime? ConfirmedAt { get; set; }
    /// <summary>The survey's answers were saved with this row: the link does not open the questionnaire again.</summary>
    public bool Answered { get; set; }
    /// <summary>The guest followed the unsubscribe link of a notice mail: no more mails about this proposal (<see cref="StopGuestNotices"/>).</summary>
    public DateTime? NoticesStoppedAt { get; set; }
}

internal sealed class GuestParticipantConfiguration : IEntityTypeConfiguration<GuestParticipant>
{
    public void Configure(EntityTypeBuilder<GuestParticipant> guest)
    {
        guest.ToTable("GuestParticipants");
        guest.Property(g => g.Email).HasMaxLength(GuestParticipant.MaxEmail);
        guest.Property(g => g.Language).HasMaxLength(8);
        guest.Property(g => g.Secret).HasMaxLength(64);
        guest.HasIndex(g => new { g.Action, g.SubjectId, g.Email }).IsUnique();
        // Confirming and answering change the row only where it has not happened yet: parallel clicks count once.
        guest.Property(g => g.ConfirmedAt).IsConcurrencyToken();
        guest.Property(g => g.Answered).IsConcurrencyToken();
    }
}
