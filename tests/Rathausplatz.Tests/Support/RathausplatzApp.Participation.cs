using Microsoft.EntityFrameworkCore;
using Rathausplatz.Features.Participation.Moderation;
using Rathausplatz.Features.Participation.Processes;
using Rathausplatz.Features.Participation.Proposals;
using Rathausplatz.Web;

namespace Rathausplatz.Tests.Support;

/// <summary>
/// A process as a test wants it; the defaults make one that is published with its proposal phase running
/// (from yesterday for ten days, in the town's calendar) and no support threshold.
/// </summary>
public sealed record ProcessSpec
{
    public string Slug { get; init; } = Unique.Name("verfahren");
    public string Title { get; init; } = "Neugestaltung des Marktplatzes";
    public string Goals { get; init; } = "Der Platz soll **schöner** werden.";
    public bool Published { get; init; } = true;
    public bool ProposalsEnabled { get; init; } = true;
    public int? SupportThreshold { get; init; }
    public bool ResidentsOnly { get; init; }
    public bool OpenWithoutAccount { get; init; }
    /// <summary>Days from today (town time) of the proposal phase's first and last day.</summary>
    public (int First, int Last) ProposalPhase { get; init; } = (-1, 10);

    /// <summary>A process whose proposal phase has not begun yet.</summary>
    public ProcessSpec Upcoming() => this with { ProposalPhase = (5, 15) };

    /// <summary>A process whose last phase ended yesterday.</summary>
    public ProcessSpec Finished() => this with { ProposalPhase = (-20, -1) };
}

public abstract partial class RathausplatzApp
{
    /// <summary>Today in the town (Europe/Berlin), by the app's clock.</summary>
    public DateOnly TownToday => DateOnly.FromDateTime(TownTime.ToLocal(Now)!.Value);

    /// <summary>A process made with the use case behind the back office's form.</summary>
    public async Task<ParticipationProcess> CreateProcessAsync(TestOrganization organization, ProcessSpec? spec = null)
    {
        spec ??= new ProcessSpec();
        await using var scope = InOrganization(organization);
        var input = ProcessInput.New(key => key);
        input.Title = spec.Title;
        input.Slug = spec.Slug;
        input.Goals = spec.Goals;
        input.Published = spec.Published;
        input.ProposalsEnabled = spec.ProposalsEnabled;
        input.SupportThreshold = spec.SupportThreshold;
        input.ResidentsOnly = spec.ResidentsOnly;
        input.OpenWithoutAccount = spec.OpenWithoutAccount;
        var phase = input.Phases.Single(p => p.Kind == PhaseKind.Proposals);
        phase.FirstDay = TownToday.AddDays(spec.ProposalPhase.First);
        phase.LastDay = TownToday.AddDays(spec.ProposalPhase.Last);
        var result = await scope.Get<SaveProcess>().RunAsync(null, input, CancellationToken.None);
        return result.Process ?? throw new InvalidOperationException($"The process was refused: {string.Join(", ", result.Refusals)}");
    }

    /// <summary>A proposal by <paramref name="author"/> (who accepts the netiquette with it), made with the use case behind the form.</summary>
    public async Task<Proposal> SubmitProposalAsync(TestOrganization organization, ParticipationProcess process, TestUser author,
        string title = "Mehr Bäume für Schatten", string body = "Große Bäume an den Rändern des Platzes.")
    {
        await using var scope = InOrganization(organization);
        var result = await scope.Get<SubmitProposal>().RunAsync(new SubmitProposalInput
        {
            ProcessSlug = process.Slug, AuthorId = author.Id, Title = title, Body = body, AcceptsNetiquette = true,
        }, CancellationToken.None);
        return result.Proposal ?? throw new InvalidOperationException($"The proposal was refused: {string.Join(", ", result.Problems)}");
    }

    /// <summary>The proposal as stored, and how many support rows it has (the count on it must equal them).</summary>
    public async Task<(Proposal Proposal, int SupportRows)> FindProposalAsync(TestOrganization organization, Guid proposalId)
    {
        await using var scope = InOrganization(organization);
        var proposal = await scope.Db.Set<Proposal>().AsNoTracking().SingleAsync(p => p.Id == proposalId);
        return (proposal, await scope.Db.Set<ProposalSupport>().CountAsync(s => s.ProposalId == proposalId));
    }

    /// <summary>The person's netiquette acceptance, or null.</summary>
    public async Task<NetiquetteAcceptance?> FindNetiquetteAcceptanceAsync(TestUser user)
    {
        await using var scope = InOrganization(user.Organization);
        return await scope.Db.Set<NetiquetteAcceptance>().AsNoTracking().SingleOrDefaultAsync(a => a.UserId == user.Id);
    }

    /// <summary>The path of a proposal's public page.</summary>
    public static string ProposalPath(ParticipationProcess process, Guid proposalId) => $"/beteiligung/{process.Slug}/vorschlaege/{proposalId}";
}
