namespace Rathausplatz.Features.Participation.Accountability;

/// <summary>The back-office form of a progress update, bound on the project page and the proposal page alike.</summary>
public interface IProgressForm
{
    string? Progress { get; set; }
    int? PercentDone { get; set; }
    string? UpdateText { get; set; }
}

public static class ProgressForm
{
    /// <summary>Fills the form with what is stored, unless a post brought other values.</summary>
    public static void Show(this IProgressForm form, ITracksProgress tracked)
    {
        if (form.Progress is null)
            (form.Progress, form.PercentDone) = (ProgressTexts.ProgressSlug(tracked.Progress), tracked.PercentDone);
    }

    /// <summary>
    /// Saves the posted update: true when it is published (with the flash message), false with the messages in the
    /// model state, null when there is no such project or proposal.
    /// </summary>
    public static async Task<bool?> SubmitAsync(this PageModel page, IProgressForm form, ReportProgress report, ProgressSubject subject,
        IStringLocalizer<SharedResource> text, CancellationToken ct)
    {
        if (ProgressTexts.ProgressFromSlug(form.Progress) is not { } progress)
        {
            page.ModelState.AddModelError(nameof(IProgressForm.Progress), text["Bitte wählen Sie einen Status."]);
            return false;
        }
        var problem = await report.RunAsync(page.User.ParticipantId()!.Value, subject, progress, form.PercentDone ?? 0, form.UpdateText, ct);
        switch (problem)
        {
            case null:
                page.Flash(text["Die Neuigkeit zur Umsetzung ist veröffentlicht."]);
                return true;
            case ProgressProblem.NotFound:
                return null;
            default:
                var field = problem switch
                {
                    ProgressProblem.PercentOutOfRange => nameof(IProgressForm.PercentDone),
                    ProgressProblem.NotAccepted => nameof(IProgressForm.Progress),
                    _ => nameof(IProgressForm.UpdateText),
                };
                page.ModelState.AddModelError(field, ProgressTexts.Message(problem.Value, text));
                return false;
        }
    }
}
