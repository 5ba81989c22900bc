namespace Rathausplatz.Features.Participation.WithoutAccount;

/// <summary>
/// The unsubscribe link of a guest's notice mail: the page asks, and only its button stops the notices (mail scanners
/// open links too). A forged or damaged link answers 404, a link used already 410, each with a German/English message.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(ParticipationSetup.SubmitRateLimit)]
public sealed class UnsubscribeModel(StopGuestNotices stop) : PageModel
{
    public GuestNoticeSubject? Subject { get; private set; }
    public bool JustStopped { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        Subject = await stop.FindAsync(token, ct);
        return Answer();
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken ct)
    {
        Subject = await stop.FindAsync(token, ct);
        if (Subject is null || Subject.Stopped)
            return Answer();
        JustStopped = await stop.StopAsync(token, ct) == StopNoticesOutcome.Stopped;
        if (!JustStopped)
            Subject = Subject with { Stopped = true };
        return Answer();
    }

    private PageResult Answer()
    {
        if (Subject is null)
            Response.StatusCode = StatusCodes.Status404NotFound;
        else if (Subject.Stopped && !JustStopped)
            Response.StatusCode = StatusCodes.Status410Gone;
        return Page();
    }
}
