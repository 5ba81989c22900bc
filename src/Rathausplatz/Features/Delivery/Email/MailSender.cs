using Rathausplatz.Data;
using Rathausplatz.Features.Organizations;

namespace Rathausplatz.Features.Delivery.Email;

/// <summary>The organisation a mail speaks for and the address its links point to (https://host).</summary>
public sealed record MailSender(string OrganizationName, string BaseUrl)
{
    /// <summary>The organisation of the request, with links to the host it was reached at.</summary>
    public static MailSender Of(HttpContext context) =>
        new(context.Organization().Name, $"{context.Request.Scheme}://{context.Request.Host}");

    /// <summary>
    /// The organisation, with links to its first host name over HTTPS: for mails sent by jobs, where no request names the host.
    /// </summary>
    public static Task<MailSender> OfAsync(AppDb db, Guid organizationId, CancellationToken ct) =>
        db.Set<Organization>().AsNoTracking().Where(o => o.Id == organizationId)
            .Select(o => new MailSender(o.Name, "https://" + o.Hosts.OrderBy(h => h.Id).Select(h => h.HostName).FirstOrDefault()))
            .SingleAsync(ct);
}
