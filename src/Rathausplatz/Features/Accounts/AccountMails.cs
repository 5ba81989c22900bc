using Microsoft.AspNetCore.WebUtilities;
using Rathausplatz.Features.Delivery.Email;

namespace Rathausplatz.Features.Accounts;

/// <summary>The mails of the account life cycle, in the recipient's language, with links to this organisation's host.</summary>
public sealed class AccountMails(UserManager<User> users, Mailer mailer, IStringLocalizer<SharedResource> text, IHttpContextAccessor http)
{
    public async Task SendConfirmationAsync(User user, CancellationToken ct = default)
    {
        var token = await users.GenerateEmailConfirmationTokenAsync(user);
        var link = Link("/accounts/confirm", new() { ["userId"] = user.Id.ToString(), ["code"] = Encode(token) });
        await SendAsync(Here(), user, user.Email!, Texts.Key("E-Mail-Adresse bestätigen"),
            Texts.Key("Bitte bestätigen Sie Ihre E-Mail-Adresse für {0} mit diesem Link:"), link, ct);
    }

    public async Task SendPasswordResetAsync(User user, CancellationToken ct = default)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var link = Link("/accounts/resetpassword", new() { ["userId"] = user.Id.ToString(), ["code"] = Encode(token) });
        await SendAsync(Here(), user, user.Email!, Texts.Key("Passwort zurücksetzen"),
            Texts.Key("Mit diesem Link setzen Sie Ihr Passwort für {0} neu. Wenn Sie das nicht angefordert haben, ignorieren Sie diese E-Mail."), link, ct);
    }

    /// <summary>Someone signed up with an address that already has an account: tell its owner, not the form.</summary>
    public async Task SendAlreadyRegisteredAsync(User user, CancellationToken ct = default)
    {
        var link = Link("/accounts/forgotpassword", []);
        await SendAsync(Here(), user, user.Email!, Texts.Key("Sie haben bereits ein Konto"),
            Texts.Key("Jemand wollte mit Ihrer E-Mail-Adresse ein Konto bei {0} anlegen. Sie haben dort bereits ein Konto. Falls Sie Ihr Passwort vergessen haben, setzen Sie es hier neu:"), link, ct);
    }

    public async Task SendEmailChangeAsync(User user, string newEmail, CancellationToken ct = default)
    {
        var token = await users.GenerateChangeEmailTokenAsync(user, newEmail);
        var link = Link("/accounts/confirmemailchange", new() { ["userId"] = user.Id.ToString(), ["email"] = newEmail, ["code"] = Encode(token) });
        await SendAsync(Here(), user, newEmail, Texts.Key("Neue E-Mail-Adresse bestätigen"),
            Texts.Key("Bitte bestätigen Sie Ihre neue E-Mail-Adresse für {0} mit diesem Link:"), link, ct);
    }

    /// <summary>
    /// An invitation to an account someone else created: the link sets the first password (and so
    /// proves the address). <paramref name="to"/> may be another organisation than this request's.
    /// </summary>
    public async Task SendInvitationAsync(User user, MailSender to, CancellationToken ct = default)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var link = QueryHelpers.AddQueryString($"{to.BaseUrl}/accounts/resetpassword",
            new Dictionary<string, string?> { ["userId"] = user.Id.ToString(), ["code"] = Encode(token), ["invitation"] = "true" });
        await SendAsync(to, user, user.Email!, Texts.Key("Einladung zu {0}"),
            Texts.Key("Sie wurden zu {0} eingeladen. Mit diesem Link wählen Sie Ihr Passwort und melden sich an:"), link, ct);
    }

    internal static string Encode(string token) => WebEncoders.Base64UrlEncode(System.Text.Encoding.UTF8.GetBytes(token));

    /// <summary>Null when the code is not even well-formed; the caller answers as for a wrong code.</summary>
    internal static string? Decode(string? code)
    {
        if (string.IsNullOrEmpty(code) || code.Length > 2000) return null;
        try { return System.Text.Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code)); }
        catch (FormatException) { return null; }
    }

    private MailSender Here() => MailSender.Of(http.HttpContext!);

    private string Link(string path, Dictionary<string, string?> query) => QueryHelpers.AddQueryString(Here().BaseUrl + path, query);

    private Task SendAsync(MailSender organization, User user, string to, string subjectKey, string introKey, string link, CancellationToken ct) =>
        mailer.SendAsync(Localization.InLanguage(user.PreferredLanguage, () => new MailComposer(organization, text["Guten Tag {0},", user.DisplayName])
            .Paragraph(text[introKey, organization.OrganizationName])
            .Link(link)
            .Paragraph(text["Der Link ist 24 Stunden gültig."])
            .Build(to, $"{text[subjectKey, organization.OrganizationName]} – {organization.OrganizationName}")), ct);
}
