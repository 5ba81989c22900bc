namespace Rathausplatz.Features.Intranet.Spaces;

public enum Removal { Removed, NotFound, NotAllowed }

public static class RemovalRule
{
    /// <summary>What someone made in a space (a task, a document) goes by their hand, or by whoever manages the space.</summary>
    public static bool MayRemove(this SpaceAccess.View space, Guid? madeBy) =>
        space.CanContribute && madeBy == space.Caller.UserId || space.CanManage;
}
