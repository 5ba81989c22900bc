using Rathausplatz.Data;
using Rathausplatz.Features.Participation.Processes;
using Rathausplatz.Features.Participation.Proposals;
using Rathausplatz.Features.Participation.Surveys;

namespace Rathausplatz.Features.Participation.WithoutAccount;

/// <summary>
/// What a guest takes part in, as pages and mails name it; for a proposal also the process's support threshold,
/// which a counted support may reach.
/// </summary>
public sealed record GuestSubject(GuestAction Action, Guid Id, string Title, string Path, int? SupportThreshold = null);

/// <summary>
/// Finds a proposal or survey that a person without an account may act on now: in a published process that is
/// open without account (and so not for residents only), with the proposal still collecting supports or the
/// survey open. Anything else reads as not there, whatever the reason.
/// </summary>
public sealed class GuestSubjects(AppDb db, TimeProvider time)
{
    public async Task<GuestSubject?> FindOpenAsync(GuestAction action, Guid id, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var open = db.Set<ParticipationProcess>().Include(p => p.Phases).Where(p => p.Published && p.OpenWithoutAccount && !p.ResidentsOnly);
        if (action == GuestAction.Support)
        {
            var found = await db.Set<Proposal>().AsNoTracking().Where(p => p.Id == id && p.HiddenAt == null)
                .Join(open.Where(p => p.ProposalsEnabled), p => p.ProcessId, pr => pr.Id, (p, pr) => new { p.Title, p.Status, Process = pr })
                .SingleOrDefaultAsync(ct);
            return found is not null && found.Status is ProposalStatus.Open or ProposalStatus.Evaluating
                && new ProcessSchedule(found.Process.Phases).ProposalsOpenAt(now)
                ? new(action, id, found.Title, $"/beteiligung/{found.Process.Slug}/vorschlaege/{id}", found.Process.SupportThreshold)
                : null;
        }
        var survey = await db.Set<Survey>().AsNoTracking().Where(s => s.Id == id)
            .Join(open.Where(p => p.SurveysEnabled), s => s.ProcessId, pr => pr.Id, (s, pr) => new { Survey = s, pr.Slug })
            .SingleOrDefaultAsync(ct);
        return survey is not null && survey.Survey.IsOpen(now)
            ? new(action, id, survey.Survey.Title, $"/beteiligung/{survey.Slug}/umfragen/{id}")
            : null;
    }
}
