using Rathausplatz.Features.Accounts;

namespace Rathausplatz.Features.Reports.Desk;

/// <summary>The response-time figures for staff; the same numbers as <c>/api/v1/reports/figures</c>.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class FiguresModel(ReportFigures figures, IStringLocalizer<SharedResource> text) : PageModel
{
    /// <summary>Dates as typed (yyyy-MM-dd); read by <see cref="ReportFigures.ParsePeriod"/> as the API reads them.</summary>
    [BindProperty(SupportsGet = true, Name = "von")] public string? From { get; set; }
    [BindProperty(SupportsGet = true, Name = "bis")] public string? To { get; set; }

    /// <summary>Null when the period is refused: the page shows the message and no figures.</summary>
    public ReportFigures.Figures? Figures { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (ReportFigures.ParsePeriod(From, To, out var from, out var to) is { } problem)
        {
            ModelState.AddModelError(from is null && !string.IsNullOrEmpty(From) ? "von" : "bis", text[problem]);
            return this.PageWithErrors();
        }
        Figures = await figures.ComputeAsync(from, to, ct);
        return Page();
    }

    /// <summary>The period as a query string, for the JSON link.</summary>
    public string Query => QueryString.Create(new Dictionary<string, string?> { ["von"] = From, ["bis"] = To }
        .Where(p => !string.IsNullOrEmpty(p.Value))).ToUriComponent();

    /// <summary>"3,5 Std." below two days, "4,2 Tage" above; "–" without reports.</summary>
    public string Duration(ReportFigures.Median median, IStringLocalizer<SharedResource> text) => median.Seconds switch
    {
        null => "–",
        < 2 * 86400 and var s => text["{0:0.#} Std.", s / 3600],
        var s => text["{0:0.#} Tage", s / 86400],
    };
}
