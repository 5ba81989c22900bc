using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.OutputCaching;
using Rathausplatz.Data;
using Rathausplatz.Features.Accounts;
using Rathausplatz.Features.Audiences.Districts;
using Rathausplatz.Web.OutputCaching;
using Rathausplatz.Features.Delivery.Email;

namespace Rathausplatz.Features.Reports.Public;

/// <summary>
/// One report as the public sees it: what, where, its status and public history, released photos, and a
/// "me too" button. Never who reported it, never internal notes. Output-cached for anonymous visitors, so their
/// "me too" form carries no antiforgery token (a token belongs to one visitor's cookie): without a sign-in there
/// is nothing a forged post could act in the name of, and a signed-in person's post still needs the token
/// (checked here, since the automatic check knows no such condition).
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(ReportsSetup.SubmitRateLimit)]
[OutputCache(PolicyName = PublicPageCache.Policy)]
[IgnoreAntiforgeryToken]
public sealed class DetailModel(AppDb db, PublicReports reports, SupportReport support, UserManager<User> users,
    IAntiforgery antiforgery, IStringLocalizer<SharedResource> text) : PageModel
{
    public sealed record PhotoView(Guid Id, int Width, int Height, List<ReportPhotoVariant> Variants);

    public PublicReport Report { get; private set; } = null!;
    public List<ReportUpdate> History { get; private set; } = [];
    public List<PhotoView> Photos { get; private set; } = [];
    public List<(string Label, string Answer)> Answers { get; private set; } = [];
    public DistrictFinder Map { get; private set; } = null!;
    public bool SignedIn => User.Identity?.IsAuthenticated == true;

    [BindProperty(Name = "email")] public string? Email { get; set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostUnterstuetzenAsync(string id, CancellationToken ct)
    {
        var publicId = ReportIds.Normalize(id);
        if (SignedIn && !await antiforgery.IsRequestValidAsync(HttpContext))
        {
            if (!await LoadAsync(publicId, ct))
                return NotFound();
            ModelState.AddModelError("email", text["Das Formular ist abgelaufen. Bitte laden Sie die Seite neu."]);
            return this.PageWithErrors();
        }
        var userId = SignedIn && Guid.TryParse(users.GetUserId(User), out var u) ? u : (Guid?)null;
        var sender = MailSender.Of(HttpContext);
        var language = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "en" : "de";
        var outcome = await support.RunAsync(publicId, Email, userId, language, sender, ct);
        switch (outcome)
        {
            case SupportOutcome.NotFound:
                return NotFound();
            case SupportOutcome.Counted:
                this.Flash(text["Danke! Ihre Unterstützung wird gezählt."]);
                return Redirect($"/meldungen/{publicId}");
            case SupportOutcome.AlreadySupported:
                this.Flash(text["Sie unterstützen diese Meldung bereits."]);
                return Redirect($"/meldungen/{publicId}");
            case SupportOutcome.ConfirmationSent:
                this.Flash(text["Danke! Bitte bestätigen Sie Ihre Unterstützung mit dem Link, den wir Ihnen geschickt haben."]);
                return Redirect($"/meldungen/{publicId}");
        }
        await LoadAsync(publicId, ct);
        ModelState.AddModelError("email", outcome == SupportOutcome.Closed
            ? text["Diese Meldung ist abgeschlossen und kann nicht mehr unterstützt werden."]
            : text["Bitte geben Sie eine gültige E-Mail-Adresse an."]);
        return this.PageWithErrors();
    }

    private async Task<bool> LoadAsync(string id, CancellationToken ct)
    {
        var publicId = ReportIds.Normalize(id);
        var found = await reports.Project(db.Set<Report>().AsNoTracking().Where(r => r.PublicId == publicId)).SingleOrDefaultAsync(ct);
        if (found is null)
            return false;
        Report = found;
        History = await db.Set<ReportUpdate>().AsNoTracking().Where(u => u.ReportId == found.Id && u.Public)
            .OrderBy(u => u.At).ToListAsync(ct);
        Photos = (await db.Set<ReportPhoto>().AsNoTracking().Include(p => p.Variants)
                .Where(p => p.ReportId == found.Id && p.ReleasedAt != null).OrderBy(p => p.Position).ToListAsync(ct))
            .Select(p => new PhotoView(p.Id, p.Width, p.Height, p.Variants.OrderBy(v => v.Width).ToList())).ToList();
        var answers = await db.Set<Report>().AsNoTracking().Where(r => r.Id == found.Id).Select(r => r.Answers).SingleAsync(ct);
        var fields = await db.Set<ReportCategoryField>().AsNoTracking()
            .Where(f => db.Set<Report>().Any(r => r.Id == found.Id && r.CategoryId == f.CategoryId) && f.Variable)
            .OrderBy(f => f.Position).ToListAsync(ct);
        Answers = fields.Where(f => answers.ContainsKey(f.Code))
            .Select(f => (f.Label, string.Join(", ", answers[f.Code].Select(key => f.Values.FirstOrDefault(v => v.Key == key)?.Name ?? key))))
            .ToList();
        Map = await DistrictFinder.LoadAsync(db, ct);
        return true;
    }
}
