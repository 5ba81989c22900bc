using System.Globalization;
using Rathausplatz.Data;

namespace Rathausplatz.Features.Organizations;

public enum HostChange { Done, Invalid, Taken, LastHost, InUse, NotFound }

/// <summary>
/// Platform admins add and remove the host names an organisation answers at. An organisation
/// always keeps one host, or nobody could reach it to add another.
/// </summary>
public sealed class ChangeHostNames(AppDb db, OrganizationDirectory directory)
{
    public async Task<HostChange> AddAsync(Guid organizationId, string? hostName, CancellationToken ct)
    {
        if (Normalize(hostName) is not { } host)
            return HostChange.Invalid;
        if (!await db.Set<Organization>().AnyAsync(o => o.Id == organizationId, ct))
            return HostChange.NotFound;
        if (await db.Set<OrganizationHost>().AnyAsync(h => h.HostName == host, ct))
            return HostChange.Taken;

        var added = new OrganizationHost { OrganizationId = organizationId, HostName = host };
        db.Add(added);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Someone took the name between our check and our insert; the unique index decided.
            db.Entry(added).State = EntityState.Detached;
            return HostChange.Taken;
        }
        directory.Forget([host]); // this node may have cached "no organisation here"
        return HostChange.Done;
    }

    // currentHost is the host of the admin's own request: removing it would cut the admin off mid-session.
    public async Task<HostChange> RemoveAsync(Guid organizationId, Guid hostId, string currentHost, CancellationToken ct)
    {
        var hosts = await db.Set<OrganizationHost>().Where(h => h.OrganizationId == organizationId).ToListAsync(ct);
        var host = hosts.FirstOrDefault(h => h.Id == hostId);
        if (host is null)
            return HostChange.NotFound;
        if (hosts.Count == 1)
            return HostChange.LastHost;
        if (string.Equals(host.HostName, currentHost, StringComparison.OrdinalIgnoreCase))
            return HostChange.InUse;

        db.Remove(host);
        await db.SaveChangesAsync(ct);
        // Other nodes keep answering for it until their cache entry expires (30 seconds).
        directory.Forget([host.HostName]);
        return HostChange.Done;
    }

    /// <summary>
    /// A host name as <c>Request.Host.Host</c> carries it, so the tenant lookup finds it: lower case,
    /// no trailing dot, international names in Unicode (ASP.NET Core decodes the punycode a browser
    /// sends). Null when it is not a host name at all (scheme, port, path, spaces). IPv6 literals are
    /// refused too: requests carry them in brackets, and no town is served from one.
    /// </summary>
    public static string? Normalize(string? input)
    {
        var host = input?.Trim().TrimEnd('.').ToLowerInvariant();
        if (string.IsNullOrEmpty(host) || host.Length > 253)
            return null;
        var idn = new IdnMapping();
        string ascii;
        try
        {
            ascii = idn.GetAscii(host);
        }
        catch (ArgumentException)
        {
            return null;
        }
        return Uri.CheckHostName(ascii) is UriHostNameType.Dns or UriHostNameType.IPv4 ? idn.GetUnicode(ascii) : null;
    }
}
