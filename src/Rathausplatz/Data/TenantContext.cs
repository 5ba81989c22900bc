namespace Rathausplatz.Data;

/// <summary>Marks a row that belongs to one organisation (municipality); a global query filter scopes it.</summary>
public interface ITenantOwned
{
    Guid OrganizationId { get; set; }
}

/// <summary>
/// The organisation the current request or job works for. Set once per scope (by host name for
/// requests, from the payload for jobs); unset means "no tenant" and tenant-owned queries return nothing.
/// </summary>
public sealed class TenantContext
{
    public Guid? OrganizationId { get; private set; }

    public void Enter(Guid organizationId)
    {
        if (OrganizationId is { } current && current != organizationId)
            throw new InvalidOperationException("A scope works for one organisation only.");
        OrganizationId = organizationId;
    }
}
