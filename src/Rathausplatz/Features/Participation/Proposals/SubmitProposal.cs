using Rathausplatz.Data;
using Rathausplatz.Features.Participation.Moderation;
using Rathausplatz.Features.Participation.Processes;

namespace Rathausplatz.Features.Participation.Proposals;

public sealed record SubmitProposalInput
{
    public required string ProcessSlug { get; init; }
    public required Guid AuthorId { get; init; }
    public string? Title { get; init; }
    public string? Body { get; init; }
    /// <summary>The district's slug, as the form's list offers it; empty for none.</summary>
    public string? District { get; init; }
    public double? Latitude { get; init; }
    public double? Longitude { get; init; }
    /// <summary>The box "I accept the netiquette" was ticked (needed before the first contribution).</summary>
    public bool AcceptsNetiquette { get; init; }
    /// <summary>Up to <see cref="ProposalImage.MaxPerProposal"/>, each with its alt text.</summary>
    public IReadOnlyList<ProposalImageUpload> Images { get; init; } = [];
}

/// <summary>Every reason a proposal is refused; the page turns each into a message at its field.</summary>
public enum ProposalProblem
{
    ProcessNotFound,
    ProposalsClosed,
    EmailNotConfirmed,
    NetiquetteRequired,
    TitleTooShort,
    TitleTooLong,
    BodyMissing,
    BodyTooLong,
    UnknownDistrict,
    CoordinatesIncomplete,
    CoordinatesOutOfRange,
}

public sealed record SubmitProposalResult(Proposal? Proposal, IReadOnlyList<ProposalProblem> Problems)
{
    public IReadOnlyList<ImageRefusal> ImageRefusals { get; init; } = [];
}

/// <summary>
/// A participant's proposal: only while the process's proposal phase runs, only from an account with a
/// confirmed address that has accepted the netiquette. Every refusal is named, nothing is stored then.
/// </summary>
public sealed class SubmitProposal(AppDb db, TimeProvider time, Netiquette netiquette)
{
    public async Task<SubmitProposalResult> RunAsync(SubmitProposalInput input, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var process = await db.Set<ParticipationProcess>().AsNoTracking().Include(p => p.Phases)
            .SingleOrDefaultAsync(p => p.Slug == input.ProcessSlug && p.Published, ct);
        if (process is null)
            return new(null, [ProposalProblem.ProcessNotFound]);
        if (!process.ProposalsEnabled || !new ProcessSchedule(process.Phases).ProposalsOpenAt(now))
            return new(null, [ProposalProblem.ProposalsClosed]);
        if (!await db.Users.AnyAsync(u => u.Id == input.AuthorId && u.EmailConfirmed, ct))
            return new(null, [ProposalProblem.EmailNotConfirmed]);

        var problems = new List<ProposalProblem>();
        var (title, body, districtId) = await ProposalFields.CheckAsync(db, input.Title, input.Body, input.District, input.Latitude, input.Longitude, problems, ct);
        var imageRefusals = new List<ImageRefusal>();
        var images = await ProposalImageUploads.ReadAsync(input.Images, ProposalImage.MaxPerProposal, imageRefusals, ct);
        // Asked last, so a refused form does not record an acceptance the person never got to use.
        if (problems.Count == 0 && imageRefusals.Count == 0 && !await netiquette.EnsureAsync(input.AuthorId, input.AcceptsNetiquette, ct))
            problems.Add(ProposalProblem.NetiquetteRequired);
        if (problems.Count > 0 || imageRefusals.Count > 0)
            return new(null, problems) { ImageRefusals = imageRefusals };

        var proposal = new Proposal
        {
            ProcessId = process.Id,
            AuthorId = input.AuthorId,
            Title = title,
            Body = body,
            DistrictId = districtId,
            Latitude = input.Latitude,
            Longitude = input.Longitude,
            CreatedAt = now,
            Status = ProposalStatus.Open,
        };
        db.Add(proposal);
        ProposalImageUploads.Add(db, proposal.Id, images, 0, now);
        await db.SaveChangesAsync(ct);
        return new(proposal, []);
    }
}
