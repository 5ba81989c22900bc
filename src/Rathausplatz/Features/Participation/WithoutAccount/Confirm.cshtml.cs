using Rathausplatz.Data;
using Rathausplatz.Features.Participation.Proposals;

namespace Rathausplatz.Features.Participation.WithoutAccount;

/// <summary>
/// The link of a guest's mail. For a support it shows a button, and only the button counts (mail scanners open
/// links too and must not support anything); for a survey it opens the questionnaire with the link's token.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(ParticipationSetup.SubmitRateLimit)]
public sealed class ConfirmModel(AppDb db, GuestLinks links, GuestSubjects subjects, SupportProposal supports,
    IStringLocalizer<SharedResource> text) : PageModel
{
    public GuestSubject? Subject { get; private set; }
    public bool AlreadyCounted { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        if (await links.FindAsync(db, token, ct) is not { } guest)
            return Refused();
        Subject = await subjects.FindOpenAsync(guest.Action, guest.SubjectId, ct);
        if (Subject is null)
            return Refused();
        if (guest.Action == GuestAction.SurveyAnswer)
            return Redirect($"{Subject.Path}?zugang={Uri.EscapeDataString(token)}");
        AlreadyCounted = guest.ConfirmedAt is not null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken ct)
    {
        if (await links.FindAsync(db, token, ct) is not { Action: GuestAction.Support } guest
            || await subjects.FindOpenAsync(guest.Action, guest.SubjectId, ct) is not { } subject)
            return Refused();
        switch (await supports.SupportAsGuestAsync(guest, subject, ct))
        {
            case SupportOutcome.Counted:
                this.Flash(text["Danke! Ihre Unterstützung wird gezählt."]);
                return Redirect(subject.Path);
            case SupportOutcome.AlreadySupported:
                this.Flash(text["Sie unterstützen diesen Vorschlag bereits."]);
                return Redirect(subject.Path);
            default:
                return Refused();
        }
    }

    private PageResult Refused()
    {
        Subject = null;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
