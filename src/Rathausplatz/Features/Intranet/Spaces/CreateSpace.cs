using Rathausplatz.Data;

namespace Rathausplatz.Features.Intranet.Spaces;

public enum SpaceProblem { TitleMissing, TitleTooLong, DescriptionTooLong, UnknownKind, UnknownPolicy }

public sealed record CreateSpaceInput(Guid CreatorId, string? Title, string? Description, SpaceKind Kind, JoinPolicy Policy);

/// <summary>A staff member opens a space and becomes its first owner (pages check that the caller is staff).</summary>
public sealed class CreateSpace(AppDb db, TimeProvider time)
{
    public sealed record Result(Space? Space, List<SpaceProblem> Problems);

    public async Task<Result> RunAsync(CreateSpaceInput input, CancellationToken ct)
    {
        var title = input.Title?.Trim() ?? "";
        var description = input.Description?.Trim() ?? "";
        var problems = new List<SpaceProblem>();
        if (title.Length == 0) problems.Add(SpaceProblem.TitleMissing);
        if (title.Length > Space.MaxTitle) problems.Add(SpaceProblem.TitleTooLong);
        if (description.Length > Space.MaxDescription) problems.Add(SpaceProblem.DescriptionTooLong);
        if (!Enum.IsDefined(input.Kind)) problems.Add(SpaceProblem.UnknownKind);
        if (!Enum.IsDefined(input.Policy)) problems.Add(SpaceProblem.UnknownPolicy);
        if (problems.Count > 0)
            return new Result(null, problems);

        var now = time.GetUtcNow().UtcDateTime;
        var space = new Space { Title = title, Description = description, Kind = input.Kind, JoinPolicy = input.Policy, CreatedAt = now };
        db.Add(space);
        db.Add(new SpaceMember { SpaceId = space.Id, UserId = input.CreatorId, Role = SpaceRole.Owner, JoinedAt = now });
        await db.SaveChangesAsync(ct);
        return new Result(space, []);
    }
}
