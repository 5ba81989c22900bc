using Microsoft.EntityFrameworkCore;
using Rathausplatz.Features.Accounts;
using Rathausplatz.Features.Delivery.InApp;
using Rathausplatz.Features.Participation.Accountability;
using Rathausplatz.Features.Participation.Budgets;
using Rathausplatz.Features.Participation.Comments;
using Rathausplatz.Features.Participation.Proposals;

namespace Rathausplatz.Tests.Support;

/// <summary>Taking part and hearing back: supports, comments and ballots made with the use cases, and the notices as stored.</summary>
public abstract partial class RathausplatzApp
{
    public async Task SupportAsync(TestUser user, Proposal proposal)
    {
        await using var scope = InOrganization(user.Organization);
        Assert.Equal(SupportOutcome.Counted, await scope.Get<SupportProposal>().SupportAsync(proposal.Id, user.Id, CancellationToken.None));
    }

    public async Task CommentAsync(TestUser user, Proposal proposal, string body = "Gute Idee.")
    {
        await using var scope = InOrganization(user.Organization);
        var result = await scope.Get<PostComment>().RunAsync(new PostCommentInput
        {
            Subject = CommentSubject.Proposal(proposal.Id), AuthorId = user.Id, Body = body, Stance = Stance.For, AcceptsNetiquette = true,
        }, CancellationToken.None);
        Assert.NotNull(result.Comment);
    }

    public async Task CastBallotAsync(TestUser user, string processSlug, params BudgetProject[] projects)
    {
        await using var scope = InOrganization(user.Organization);
        var result = await scope.Get<CastBallot>().RunAsync(new CastBallotInput
        {
            ProcessSlug = processSlug, UserId = user.Id, ProjectIds = projects.Select(p => p.Id).ToList(),
        }, CancellationToken.None);
        Assert.Equal(BallotOutcome.Cast, result.Outcome);
    }

    public async Task SetLanguageAsync(TestUser user, string language)
    {
        await using var scope = InOrganization(user.Organization);
        await scope.Db.Set<User>().Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.PreferredLanguage, language));
    }

    /// <summary>The person's participation notices as stored, across all organisations (so a leak would show).</summary>
    public async Task<List<InAppNotice>> NoticesAsync(TestUser user)
    {
        await using var scope = WithoutOrganization();
        return await scope.Db.Set<InAppNotice>().IgnoreQueryFilters().AsNoTracking().Where(n => n.UserId == user.Id).OrderBy(n => n.At).ToListAsync();
    }

    /// <summary>Runs the handler of every waiting notice job of the organisation once more, as a retry or a second node would.</summary>
    public async Task RunNoticeJobsAgainAsync(TestOrganization organization)
    {
        var jobs = await JobsAsync(j => j.Kind == NotifyParticipants.JobKind && j.OrganizationId == organization.Id);
        foreach (var job in jobs)
        {
            await using var scope = InOrganization(organization);
            await scope.Get<NotifyParticipants>().RunAsync(job, CancellationToken.None);
        }
    }
}
