using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Localization;

namespace Rathausplatz.Features.Accounts.Manage;

[Authorize]
public sealed class ProfileModel(UserManager<User> users, SignInManager<User> signIn, IStringLocalizer<SharedResource> text) : PageModel
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
