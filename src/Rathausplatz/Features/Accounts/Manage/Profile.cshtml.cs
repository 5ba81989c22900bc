using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Localization;
using Rathausplatz.Features.Accounts.PersonalData;

namespace Rathausplatz.Features.Accounts.Manage;

[Authorize]
public sealed class ProfileModel(UserManager<User> users, SignInManager<User> signIn, ExportPersonalData export, TimeProvider time,
    IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty]
    public ProfileInput Input { get; set; } = new();

    public string Email { get; private set; } = "";
    public bool TwoFactorEnabled { get; private set; }
    public IList<string> Roles { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
            return Challenge();
        await LoadAsync(user);
        Input = new ProfileInput { DisplayName = user.DisplayName, PreferredLanguage = user.PreferredLanguage };
        return Page();
    }

    /// <summary>Everything stored about the account, as a JSON file (DSGVO Art. 15 and 20).</summary>
    public async Task<IActionResult> OnGetDownloadAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
            return Challenge();
        var document = await export.RunAsync(user, ct);
        var day = DateOnly.FromDateTime(TownTime.ToLocal(time.GetUtcNow().UtcDateTime)!.Value);
        var bytes = System.Text.Encoding.UTF8.GetBytes(document.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
        return File(bytes, "application/json", $"meine-daten-{day:yyyy-MM-dd}.json");
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
            return Challenge();
        if (Input.PreferredLanguage is not ("de" or "en"))
            ModelState.AddModelError("Input.PreferredLanguage", text["Bitte wählen Sie eine Sprache."]);
        if (!ModelState.IsValid)
        {
            await LoadAsync(user);
            return this.PageWithErrors();
        }

        user.DisplayName = Input.DisplayName.Trim();
        user.PreferredLanguage = Input.PreferredLanguage;
        await users.UpdateAsync(user);
        await signIn.RefreshSignInAsync(user);
        var culture = Localization.Cultures.First(c => c.TwoLetterISOLanguageName == user.PreferredLanguage);
        Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { Expires = DateTimeOffset.MaxValue, IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
        this.Flash(text["Ihre Angaben wurden gespeichert."]);
        return RedirectToPage();
    }

    private async Task LoadAsync(User user)
    {
        Email = user.Email ?? "";
        TwoFactorEnabled = user.TwoFactorEnabled;
        Roles = await users.GetRolesAsync(user);
    }

    public sealed class ProfileInput
    {
        [Required(ErrorMessage = "Bitte geben Sie Ihren Namen an.")]
        [StringLength(100, ErrorMessage = "Höchstens {1} Zeichen.")]
        [Display(Name = "Name")]
        public string DisplayName { get; set; } = "";

        [Required(ErrorMessage = "Bitte wählen Sie eine Sprache.")]
        [Display(Name = "Sprache für E-Mails und Seiten")]
        public string PreferredLanguage { get; set; } = "de";
    }
}
