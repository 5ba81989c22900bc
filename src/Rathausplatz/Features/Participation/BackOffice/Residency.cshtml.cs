using Rathausplatz.Data;
using Rathausplatz.Features.Accounts;
using Rathausplatz.Features.Participation.Verification;

namespace Rathausplatz.Features.Participation.BackOffice;

/// <summary>
/// Residency for processes that count only residents: editors print letter codes (the CSV for the letter
/// shop is offered once, at creation: only hashes are kept); any staff member confirms a person at the
/// counter after seeing an identity card. Above, the print runs and how many of their codes were used.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class ResidencyModel(AppDb db, VerifyResidency residency, TimeProvider time, IStringLocalizer<SharedResource> text) : PageModel
{
    public sealed record BatchRow(string Batch, int Codes, int Redeemed, DateTime CreatedAt);

    [BindProperty] public string? Batch { get; set; }
    [BindProperty] public int Count { get; set; } = 100;
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? FullName { get; set; }
    [BindProperty] public DateOnly? BirthDate { get; set; }

    public List<BatchRow> Batches { get; private set; } = [];
    public int ByCode { get; private set; }
    public int AtCounter { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostCodesAsync(CancellationToken ct)
    {
        if (!User.RunsProcesses())
            return Forbid();
        var (codes, problem) = await residency.CreateBatchAsync(Batch, Count, ct);
        if (codes is null)
            return await RefusedAsync(problem!.Value, problem == ResidencyProblem.CountInvalid ? nameof(Count) : nameof(Batch), ct);
        var day = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return File(LetterShopList(Batch!.Trim(), codes).ToCsv(), SpreadsheetFile.CsvType, $"wohnsitz-codes-{day}.csv");
    }

    public async Task<IActionResult> OnPostCounterAsync(CancellationToken ct)
    {
        var problem = await residency.CheckAtCounterAsync(User.ParticipantId()!.Value, Email, FullName, BirthDate, ct);
        if (problem is not null)
        {
            var field = problem switch
            {
                ResidencyProblem.NameMissing => nameof(FullName),
                ResidencyProblem.BirthDateInvalid => nameof(BirthDate),
                _ => nameof(Email),
            };
            return await RefusedAsync(problem.Value, field, ct);
        }
        this.Flash(text["Der Wohnsitz für {0} ist bestätigt.", Email!.Trim()]);
        return Redirect("/beteiligung/verwaltung/wohnsitz");
    }

    private async Task<IActionResult> RefusedAsync(ResidencyProblem problem, string field, CancellationToken ct)
    {
        ModelState.AddModelError(field, ParticipationTexts.Message(problem, text));
        await LoadAsync(ct);
        return this.PageWithErrors();
    }

    /// <summary>One row per code for the letter shop: number, code and the print run's name.</summary>
    private static SpreadsheetFile LetterShopList(string batch, List<string> codes) =>
        new(["Nr", "Code", "Auflage"], codes.Select((code, i) => (IReadOnlyList<object?>)[i + 1, code, batch]).ToList());

    private async Task LoadAsync(CancellationToken ct)
    {
        Batches = (await db.Set<ResidencyCode>().AsNoTracking()
                .GroupBy(c => c.Batch)
                .Select(g => new { Batch = g.Key, Codes = g.Count(), Redeemed = g.Count(c => c.RedeemedById != null), CreatedAt = g.Min(c => c.CreatedAt) })
                .ToListAsync(ct))
            .OrderByDescending(b => b.CreatedAt).Select(b => new BatchRow(b.Batch, b.Codes, b.Redeemed, b.CreatedAt)).ToList();
        ByCode = await db.Set<ResidentVerification>().CountAsync(v => v.Method == ResidencyCheck.Code, ct);
        AtCounter = await db.Set<ResidentVerification>().CountAsync(v => v.Method == ResidencyCheck.Counter, ct);
    }
}
