namespace Rathausplatz.Features.Accounts.Manage;

/// <summary>Shows freshly made recovery codes once; they are not stored in readable form anywhere.</summary>
[Authorize]
public sealed class RecoveryCodesModel : PageModel
{
    public const string TempDataKey = "RecoveryCodes";

    public string[] Codes { get; private set; } = [];

    public IActionResult OnGet()
    {
        if (TempData[TempDataKey] is not string[] codes || codes.Length == 0)
            return RedirectToPage("TwoFactor");
        Codes = codes;
        return Page();
    }
}
