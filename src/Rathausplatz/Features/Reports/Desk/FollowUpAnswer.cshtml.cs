namespace Rathausplatz.Features.Reports.Desk;

/// <summary>
/// The yes/no links of "is it really fixed?". The link opens this page and the button sends the
/// answer: mail scanners that open every link must not answer for the reporter.
/// </summary>
[AllowAnonymous]
public sealed class FollowUpAnswerModel(AnswerFollowUp answer) : PageModel
{
    public FollowUpOutcome Outcome { get; private set; }
    public bool Fixed { get; private set; }
    public bool Answered { get; private set; }
    public string? PublicId { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        var (outcome, report, isFixed) = await answer.CheckAsync(token, ct);
        (Outcome, Fixed, PublicId) = (outcome, isFixed, report?.PublicId);
        return outcome == FollowUpOutcome.Invalid ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken ct)
    {
        var (outcome, report) = await answer.RunAsync(token, ct);
        (Outcome, Fixed, PublicId, Answered) = (outcome, outcome == FollowUpOutcome.ConfirmedFixed, report?.PublicId, true);
        return outcome == FollowUpOutcome.Invalid ? NotFound() : Page();
    }
}
