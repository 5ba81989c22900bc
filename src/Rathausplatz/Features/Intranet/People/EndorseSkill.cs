using Rathausplatz.Data;

namespace Rathausplatz.Features.Intranet.People;

/// <summary>"Bestätigen": a colleague confirms a skill of another, once per colleague and skill, never their own.</summary>
public sealed class EndorseSkill(AppDb db, TimeProvider time)
{
    public async Task<PeopleProblem?> RunAsync(Guid endorserId, Guid skillId, CancellationToken ct)
    {
        var owner = await db.Set<ProfileSkill>().Where(s => s.Id == skillId).Select(s => (Guid?)s.UserId).SingleOrDefaultAsync(ct);
        if (owner is null) return PeopleProblem.NotFound;
        if (owner == endorserId) return PeopleProblem.SelfEndorsement;
        if (await db.Set<SkillEndorsement>().AnyAsync(e => e.SkillId == skillId && e.EndorserId == endorserId, ct))
            return PeopleProblem.AlreadyEndorsed;
        db.Add(new SkillEndorsement { SkillId = skillId, EndorserId = endorserId, At = time.GetUtcNow().UtcDateTime });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Confirmed at the same moment in another tab: the unique index kept one.
            db.ChangeTracker.Clear();
            return PeopleProblem.AlreadyEndorsed;
        }
        return null;
    }
}
