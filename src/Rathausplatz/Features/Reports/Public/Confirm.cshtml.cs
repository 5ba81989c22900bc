namespace Rathausplatz.Features.Reports.Public;

/// <summary>
/// The links of the confirmation mails: the reporter's address (<c>/meldungen/{id}/bestaetigen/{token}</c>)
/// and a support (<c>/meldungen/{id}/unterstuetzen/{token}</c>). Opening shows a button; only the button
/// confirms, because mail scanners open links too.
/// </summary>
[AllowAnonymous]
public sealed class ConfirmModel(ReportTokens tokens, ConfirmReporterEmail confirmReporter, SupportReport support,
    IStringLocalizer<SharedResource> text) : PageModel
{
    public string PublicId { get; private set; } = "";
    public bool IsSupport { get; private set; }
    public bool Invalid { get; private set; }

    public IActionResult OnGet(string id, string kind, string token)
    {
        PublicId = ReportIds.Normalize(id);
        IsSupport = kind == "unterstuetzen";
        return Read(kind, token) is null ? Refused() : Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, string kind, string token, CancellationToken ct)
    {
        PublicId = ReportIds.Normalize(id);
        IsSupport = kind == "unterstuetzen";
        if (Read(kind, token) is not var (target, secret))
            return Refused();
        var done = IsSupport ? await support.ConfirmAsync(target, secret, ct) : await confirmReporter.RunAsync(target, secret, ct) is not null;
        if (!done)
            return Refused();
        this.Flash(IsSupport ? text["Danke! Ihre Unterstützung wird gezählt."] : text["Danke! Wir informieren Sie über den Fortgang Ihrer Meldung."]);
        return Redirect($"/meldungen/{PublicId}");
    }

    private (Guid, string)? Read(string kind, string token) => kind switch
    {
        "bestaetigen" => tokens.ReadReporterConfirmation(token),
        "unterstuetzen" => tokens.ReadSupportConfirmation(token),
        _ => null,
    };

    private PageResult Refused()
    {
        Invalid = true;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
