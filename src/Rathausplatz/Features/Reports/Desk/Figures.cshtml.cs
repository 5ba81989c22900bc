using Rathausplatz.Features.Accounts;

namespace Rathausplatz.Features.Reports.Desk;

/// <summary>The response-time figures for staff; the same numbers as <c>/api/v1/reports/figures</c>.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class FiguresModel(ReportFigures figures) : PageModel
{
    public ReportFigures.Figures Figures { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Figures = await figures.ComputeAsync(ct);

    /// <summary>"3,5 Std." below two days, "4,2 Tage" above; "–" without reports.</summary>
    public string Duration(ReportFigures.Median median, IStringLocalizer<SharedResource> text) => median.Seconds switch
    {
        null => "–",
        < 2 * 86400 and var s => text["{0:0.#} Std.", s / 3600],
        var s => text["{0:0.#} Tage", s / 86400],
    };
}
