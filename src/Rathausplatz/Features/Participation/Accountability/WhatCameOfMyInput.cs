using Rathausplatz.Data;
using Rathausplatz.Features.Participation.Budgets;
using Rathausplatz.Features.Participation.Comments;
using Rathausplatz.Features.Participation.Debates;
using Rathausplatz.Features.Participation.Processes;
using Rathausplatz.Features.Participation.Proposals;
using Rathausplatz.Features.Participation.Surveys;

namespace Rathausplatz.Features.Participation.Accountability;

/// <summary>
/// Everything one person took part in and what came of it: proposals they wrote, supported or commented on (status,
/// reason, progress), surveys they answered (with the results once public) and their budget ballots (after the vote:
/// funded or not, progress). Surveys are found through <see cref="SurveyParticipation"/> only, the row that says
/// that someone answered; the response itself is never touched, so an anonymous answer stays unlinkable.
/// </summary>
public sealed class WhatCameOfMyInput(AppDb db, TimeProvider time, BudgetTally tally)
{
    public sealed record LatestUpdate(DateTime At, string Body);

    public sealed record ProposalItem(Guid Id, string Title, string ProcessSlug, ProposalStatus Status, string? Reason, int SupportCount,
        bool Wrote, bool Supported, bool Commented, bool Hidden, ProjectProgress Progress, int PercentDone, LatestUpdate? Latest)
    {
        public bool TracksProgress => Status is ProposalStatus.Accepted or ProposalStatus.Implemented;
    }

    public sealed record DebateItem(Guid Id, string Title, string ProcessSlug, int MyComments, int RepliesToMe, DateTime? ClosesAt, DateTime UpdatedAt);

    public sealed record SurveyItem(Guid Id, string Title, string ProcessSlug, bool Open, bool ResultsPublic);

    public sealed record ChosenProject(Guid Id, string Title, long CostCents, bool? Funded, ProjectProgress Progress, int PercentDone, LatestUpdate? Latest);

    public sealed record BallotItem(string ProcessSlug, string ProcessTitle, DateTime UpdatedAt, bool Closed, List<ChosenProject> Projects);

    public async Task<List<ProposalItem>> ProposalsAsync(Guid me, CancellationToken ct) =>
        await (from p in db.Set<Proposal>().AsNoTracking()
               join pr in db.Set<ParticipationProcess>() on p.ProcessId equals pr.Id
               let wrote = p.AuthorId == me
               let supported = db.Set<ProposalSupport>().Any(s => s.ProposalId == p.Id && s.UserId == me)
               let commented = db.Set<ProposalComment>().Any(c => c.ProposalId == p.Id && c.AuthorId == me)
               where wrote || supported || commented
               orderby p.CreatedAt descending
               select new ProposalItem(p.Id, p.Title, pr.Slug, p.Status, p.StatusReason, p.SupportCount, wrote, supported, commented, p.HiddenAt != null,
                   p.Progress, p.PercentDone,
                   db.Set<ProgressUpdate>().Where(u => u.ProposalId == p.Id).OrderByDescending(u => u.At)
                       .Select(u => new LatestUpdate(u.At, u.Body)).FirstOrDefault()))
            .ToListAsync(ct);

    /// <summary>The debates the person commented in: how often, and how many replies their comments got.</summary>
    public async Task<List<DebateItem>> DebatesAsync(Guid me, CancellationToken ct) =>
        await (from d in db.Set<Debate>().AsNoTracking()
               join pr in db.Set<ParticipationProcess>() on d.ProcessId equals pr.Id
               let mine = db.Set<ProposalComment>().Count(c => c.DebateId == d.Id && c.AuthorId == me)
               where mine > 0
               orderby d.UpdatedAt descending
               select new DebateItem(d.Id, d.Title, pr.Slug, mine,
                   db.Set<ProposalComment>().Count(r => r.DebateId == d.Id && r.AuthorId != me && r.HiddenAt == null
                       && db.Set<ProposalComment>().Any(p => p.Id == r.ParentId && p.AuthorId == me)),
                   d.ClosesAt, d.UpdatedAt))
            .ToListAsync(ct);

    public async Task<List<SurveyItem>> SurveysAsync(Guid me, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var rows = await (from part in db.Set<SurveyParticipation>().AsNoTracking()
                          join s in db.Set<Survey>() on part.SurveyId equals s.Id
                          join pr in db.Set<ParticipationProcess>() on s.ProcessId equals pr.Id
                          where part.UserId == me
                          orderby s.ClosesAt descending
                          select new { Survey = s, pr.Slug, ProcessPublished = pr.Published }).ToListAsync(ct);
        return rows.Select(r => new SurveyItem(r.Survey.Id, r.Survey.Title, r.Slug, r.Survey.IsOpen(now),
            r.ProcessPublished && r.Survey.ResultsPublic(now))).ToList();
    }

    public async Task<List<BallotItem>> BallotsAsync(Guid me, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var items = new List<BallotItem>();
        var ballots = await db.Set<BudgetBallot>().AsNoTracking().Where(b => b.UserId == me).OrderByDescending(b => b.UpdatedAt).ToListAsync(ct);
        foreach (var ballot in ballots)
        {
            var process = await db.Set<ParticipationProcess>().AsNoTracking().Include(p => p.Phases).SingleAsync(p => p.Id == ballot.ProcessId, ct);
            var closed = new ProcessSchedule(process.Phases).VotingClosedAt(now);
            // The funding is known only once the vote has closed; before, nobody (not even the voter) sees counts.
            var funded = closed ? (await tally.CountAsync(process.Id, process.BudgetCents ?? 0, ct)).Projects.ToDictionary(p => p.Id, p => p.Funded) : null;
            var chosen = await db.Set<BudgetProject>().AsNoTracking()
                .Where(p => db.Set<BallotSelection>().Any(s => s.BallotId == ballot.Id && s.ProjectId == p.Id)).OrderBy(p => p.Title)
                .Select(p => new
                {
                    p.Id, p.Title, p.CostCents, p.Progress, p.PercentDone,
                    Latest = db.Set<ProgressUpdate>().Where(u => u.ProjectId == p.Id).OrderByDescending(u => u.At)
                        .Select(u => new LatestUpdate(u.At, u.Body)).FirstOrDefault(),
                })
                .ToListAsync(ct);
            items.Add(new(process.Slug, process.Title, ballot.UpdatedAt, closed, chosen
                .Select(p => new ChosenProject(p.Id, p.Title, p.CostCents, funded?.GetValueOrDefault(p.Id), p.Progress, p.PercentDone, p.Latest)).ToList()));
        }
        return items;
    }
}
