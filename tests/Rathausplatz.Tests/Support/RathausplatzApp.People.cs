using Microsoft.EntityFrameworkCore;
using Rathausplatz.Features.Intranet.People;

namespace Rathausplatz.Tests.Support;

public abstract partial class RathausplatzApp
{
    /// <summary>A staff profile made with the use cases behind "Mein Profil", with the given skills (normalised as the form would).</summary>
    public async Task CreateProfileAsync(TestUser user, string jobTitle = "Sachbearbeitung", Guid? departmentId = null, string canHelpWith = "", params string[] skills)
    {
        await using var scope = InOrganization(user.Organization);
        var edit = scope.Get<EditProfile>();
        var problems = await edit.SaveAsync(user.Id, new ProfileInput(departmentId, jobTitle, "", "", "", canHelpWith), CancellationToken.None);
        if (problems.Count > 0)
            throw new InvalidOperationException($"The profile was refused: {string.Join(", ", problems)}");
        foreach (var skill in skills)
            if (await edit.AddSkillAsync(user.Id, skill, SkillLevel.Unstated, CancellationToken.None) is { } problem)
                throw new InvalidOperationException($"The skill {skill} was refused: {problem}");
    }

    /// <summary>How many search entries the organisation stores for the item (0 or 1), whoever may find them.</summary>
    public async Task<int> SearchEntriesAsync(TestOrganization organization, Guid itemId)
    {
        await using var scope = InOrganization(organization);
        return await scope.Db.Set<Rathausplatz.Features.Intranet.Search.IntranetSearchEntry>().CountAsync(e => e.ItemId == itemId);
    }

    /// <summary>Deletes the account through Identity's UserManager (staff cannot delete their own on /accounts/delete).</summary>
    public async Task DeleteAccountAsync(TestUser user)
    {
        await using var scope = InOrganization(user.Organization);
        var users = scope.Get<Microsoft.AspNetCore.Identity.UserManager<Rathausplatz.Features.Accounts.User>>();
        var result = await users.DeleteAsync((await users.FindByIdAsync(user.Id.ToString()))!);
        if (!result.Succeeded)
            throw new InvalidOperationException($"The account was not deleted: {string.Join(", ", result.Errors.Select(e => e.Code))}");
    }

    /// <summary>Removes one of the person's skills with the use case behind "Entfernen".</summary>
    public async Task RemoveSkillAsync(TestUser user, string name)
    {
        var skillId = await SkillIdAsync(user, name);
        await using var scope = InOrganization(user.Organization);
        if (!await scope.Get<EditProfile>().RemoveSkillAsync(user.Id, skillId, CancellationToken.None))
            throw new InvalidOperationException($"The skill {name} was not removed.");
    }

    /// <summary>A profile with a skill written straight into the tables, for an account without a staff role (a former colleague).</summary>
    public async Task AddProfileWithoutRoleAsync(TestUser user, string skill)
    {
        await using var scope = InOrganization(user.Organization);
        scope.Db.Add(new StaffProfile { UserId = user.Id, JobTitle = "Früher Bauamt", UpdatedAt = Now });
        scope.Db.Add(new ProfileSkill { UserId = user.Id, Name = SkillName.Normalize(skill), AddedAt = Now });
        await scope.Db.SaveChangesAsync();
    }

    /// <summary>The id of the person's skill with this (normalised) name.</summary>
    public async Task<Guid> SkillIdAsync(TestUser user, string name)
    {
        await using var scope = InOrganization(user.Organization);
        var normalized = SkillName.Normalize(name);
        return await scope.Db.Set<ProfileSkill>().Where(s => s.UserId == user.Id && s.Name == normalized).Select(s => s.Id).SingleAsync();
    }

    /// <summary><paramref name="by"/> confirms the skill, as "Bestätigen" would.</summary>
    public async Task EndorseAsync(TestUser by, TestUser owner, string skill)
    {
        var skillId = await SkillIdAsync(owner, skill);
        await using var scope = InOrganization(by.Organization);
        if (await scope.Get<EndorseSkill>().RunAsync(by.Id, skillId, CancellationToken.None) is { } problem)
            throw new InvalidOperationException($"The endorsement was refused: {problem}");
    }

    /// <summary>How many confirmations the skill has, as stored.</summary>
    public async Task<int> EndorsementsAsync(TestUser owner, string skill)
    {
        var skillId = await SkillIdAsync(owner, skill);
        await using var scope = InOrganization(owner.Organization);
        return await scope.Db.Set<SkillEndorsement>().CountAsync(e => e.SkillId == skillId);
    }

    /// <summary>A question asked with the use case behind "Frage stellen"; its notice job is queued, not run.</summary>
    public async Task<Guid> AskExpertsAsync(TestUser asker, string title, string skills, string body = "")
    {
        await using var scope = InOrganization(asker.Organization);
        var asked = await scope.Get<AskExperts>().AskAsync(new QuestionInput(asker.Id, title, body, skills), CancellationToken.None);
        return asked.Id ?? throw new InvalidOperationException($"The question was refused: {string.Join(", ", asked.Problems)}");
    }

    /// <summary>An answer written with the use case behind "Antworten".</summary>
    public async Task<Guid> AnswerExpertQuestionAsync(TestUser author, Guid questionId, string body)
    {
        await using var scope = InOrganization(author.Organization);
        var (id, problem) = await scope.Get<AskExperts>().AnswerAsync(questionId, author.Id, body, CancellationToken.None);
        return id ?? throw new InvalidOperationException($"The answer was refused: {problem}");
    }

    public async Task<Guid?> BestAnswerAsync(TestOrganization organization, Guid questionId)
    {
        await using var scope = InOrganization(organization);
        return await scope.Db.Set<ExpertQuestion>().Where(q => q.Id == questionId).Select(q => q.BestAnswerId).SingleAsync();
    }

    /// <summary>Runs the handler of every expert-question job of the organisation once more, as a retry or a second node would.</summary>
    public async Task RunExpertJobsAgainAsync(TestOrganization organization)
    {
        var jobs = await JobsAsync(j => j.Kind == NotifyExperts.JobKind && j.OrganizationId == organization.Id);
        foreach (var job in jobs)
        {
            await using var scope = InOrganization(organization);
            await scope.Get<NotifyExperts>().RunAsync(job, CancellationToken.None);
        }
    }
}
