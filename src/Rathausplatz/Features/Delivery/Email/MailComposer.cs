using System.Net;
using System.Text;

namespace Rathausplatz.Features.Delivery.Email;

/// <summary>
/// A short mail as plain text and HTML side by side, built from the same paragraphs: a greeting, paragraphs and
/// links, and the organisation's name as the signature. Everything is HTML-encoded, so a title a citizen typed
/// can never become markup in someone's mail program.
/// </summary>
public sealed class MailComposer(MailSender sender, string greeting)
{
    private readonly StringBuilder plain = new();
    private readonly StringBuilder html = new();

    public MailComposer Paragraph(string value)
    {
        plain.Append(value).Append("\n\n");
        html.Append("<p>").Append(WebUtility.HtmlEncode(value).Replace("\n", "<br>", StringComparison.Ordinal)).Append("</p>");
        return this;
    }

    public MailComposer Link(string url)
    {
        plain.Append(url).Append("\n\n");
        var encoded = WebUtility.HtmlEncode(url);
        html.Append("<p><a href=\"").Append(encoded).Append("\">").Append(encoded).Append("</a></p>");
        return this;
    }

    public OutgoingMail Build(string to, string subject) => new(to, subject, Text(), Html(), sender.OrganizationName);

    private string Text() => $"{greeting}\n\n{plain}-- \n{sender.OrganizationName}\n";

    private string Html() => $"<p>{WebUtility.HtmlEncode(greeting)}</p>{html}<p>{WebUtility.HtmlEncode(sender.OrganizationName)}</p>";
}
