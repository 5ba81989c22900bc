using Rathausplatz.Features.Organizations;

namespace Rathausplatz.Features.Delivery.Email;

/// <summary>The organisation a mail speaks for and the address its links point to (https://host).</summary>
public sealed record MailSender(string OrganizationName, string BaseUrl)
{
    /// <summary>The organisation of the request, with links to the host it was reached at.</summary>
    public static MailSender Of(HttpContext context) =>
        new(context.Organization().Name, $"{context.Request.Scheme}://{context.Request.Host}");
}
