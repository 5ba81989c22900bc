using Rathausplatz.Data;
using Rathausplatz.Features.Participation.Processes;

namespace Rathausplatz.Features.Participation.Proposals;

public sealed record EditProposalInput
{
    public required string ProcessSlug { get; init; }
    public required Guid ProposalId { get; init; }
    public required Guid EditorId { get; init; }
    public string? Title { get; init; }
    public string? Body { get; init; }
    public string? District { get; init; }
    public double? Latitude { get; init; }
    public double? Longitude { get; init; }
    /// <summary>New images; together with the kept ones at most <see cref="ProposalImage.MaxPerProposal"/>.</summary>
    public IReadOnlyList<ProposalImageUpload> Images { get; init; } = [];
    /// <summary>Images of this proposal its author takes away (hidden ones stay: the moderation's record needs them).</summary>
    public IReadOnlyList<Guid> RemoveImages { get; init; } = [];
}

/// <summary>Why a change is refused as a whole: the page answers 404, 403 and 400.</summary>
public enum EditRefusal { NotFound, NotAuthor, Closed }

public sealed record EditProposalResult(Proposal? Proposal, EditRefusal? Refusal, IReadOnlyList<ProposalProblem> Problems)
{
    public IReadOnlyList<ImageRefusal> ImageRefusals { get; init; } = [];
}

/// <summary>
/// The author changes their proposal (title, text, district, place, images) while the proposal phase runs and the
/// town has not decided yet (open or evaluating) and moderation has not hidden it. Supports, status and the town's
/// answer are not touched: only the changed columns are written, so a support counted meanwhile stays.
/// </summary>
public sealed class EditProposal(AppDb db, TimeProvider time)
{
    /// <summary>Whether the author may still change the proposal; the page asks it to offer the link and the form.</summary>
    public static bool Editable(ParticipationProcess process, Proposal proposal, DateTime now) =>
        !proposal.Hidden && proposal.Status is ProposalStatus.Open or ProposalStatus.Evaluating
        && process.ProposalsEnabled && new ProcessSchedule(process.Phases).ProposalsOpenAt(now);

    public async Task<EditProposalResult> RunAsync(EditProposalInput input, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var process = await db.Set<ParticipationProcess>().AsNoTracking().Include(p => p.Phases)
            .SingleOrDefaultAsync(p => p.Slug == input.ProcessSlug && p.Published, ct);
        var proposal = process is null ? null
            : await db.Set<Proposal>().SingleOrDefaultAsync(p => p.Id == input.ProposalId && p.ProcessId == process.Id, ct);
        if (process is null || proposal is null)
            return new(null, EditRefusal.NotFound, []);
        if (proposal.AuthorId != input.EditorId)
            return new(null, EditRefusal.NotAuthor, []);
        if (!Editable(process, proposal, now))
            return new(null, EditRefusal.Closed, []);

        var problems = new List<ProposalProblem>();
        var fields = await ProposalFields.CheckAsync(db, input.Title, input.Body, input.District, input.Latitude, input.Longitude, problems, ct);
        var images = await db.Set<ProposalImage>().Where(i => i.ProposalId == proposal.Id).ToListAsync(ct);
        var removed = images.Where(i => !i.Hidden && input.RemoveImages.Contains(i.Id)).ToList();
        var imageRefusals = new List<ImageRefusal>();
        var ready = await ProposalImageUploads.ReadAsync(input.Images, ProposalImage.MaxPerProposal - images.Count + removed.Count, imageRefusals, ct);
        if (problems.Count > 0 || imageRefusals.Count > 0)
            return new(null, null, problems) { ImageRefusals = imageRefusals };

        proposal.Title = fields.Title;
        proposal.Body = fields.Body;
        proposal.DistrictId = fields.DistrictId;
        (proposal.Latitude, proposal.Longitude) = (input.Latitude, input.Longitude);
        proposal.EditedAt = now;
        db.RemoveRange(removed);
        ProposalImageUploads.Add(db, proposal.Id, ready, images.Count == 0 ? 0 : images.Max(i => i.Position) + 1, now);
        await db.SaveChangesAsync(ct);
        return new(proposal, null, []);
    }
}
