using System.Linq.Expressions;
using Rathausplatz.Data;
using Microsoft.AspNetCore.OutputCaching;
using Rathausplatz.Web.OutputCaching;

namespace Rathausplatz.Features.Organizations;

/// <summary>
/// The texts German law asks of a public website (Impressum, Datenschutzerklärung, Erklärung zur
/// Barrierefreiheit) and the house rules, each at the short address people type.
/// Anonymous, and reachable for staff before they set up two factors (see RequireTwoFactorForStaff).
/// </summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicPageCache.Policy)]
public sealed class LegalModel(AppDb db, MarkdownRenderer markdown, IStringLocalizer<SharedResource> text) : PageModel
{
    // The route's constraint lists the same four names (and, like all routes, ignores case); the title is a localizer key.
    private static readonly Dictionary<string, (string Title, Expression<Func<Organization, string>> Text)> Documents = new(StringComparer.OrdinalIgnoreCase)
    {
        ["impressum"] = ("Impressum", o => o.Imprint),
        ["datenschutz"] = ("Datenschutzerklärung", o => o.PrivacyPolicy),
        ["barrierefreiheit"] = ("Erklärung zur Barrierefreiheit", o => o.AccessibilityStatement),
        ["netiquette"] = ("Netiquette", o => o.Netiquette),
    };

    public string Title { get; private set; } = "";
    public string Html { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string document, CancellationToken ct)
    {
        if (!Documents.TryGetValue(document, out var chosen))
            return NotFound();
        var id = HttpContext.Organization().Id;
        // Only the one column: a privacy policy alone may be 100 000 characters.
        var source = await db.Set<Organization>().AsNoTracking().Where(o => o.Id == id).Select(chosen.Text).SingleOrDefaultAsync(ct);
        Title = text[chosen.Title];
        Html = markdown.ToSafeHtml(source);
        return Page();
    }
}
