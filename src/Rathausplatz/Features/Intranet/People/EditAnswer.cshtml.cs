using System.ComponentModel.DataAnnotations;
using Rathausplatz.Data;
using Rathausplatz.Features.Intranet.Spaces;

namespace Rathausplatz.Features.Intranet.People;

/// <summary>The author changes the text of their answer; others get 403 (admins delete answers on the question page, they do not reword them).</summary>
[Authorize(Policy = IntranetSetup.Policy)]
[EnableRateLimiting(IntranetSetup.SubmitRateLimit)]
public sealed class EditAnswerModel(AppDb db, ChangeAnswer changes, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty, Display(Name = "Ihre Antwort")] public string? Body { get; set; }

    public string QuestionTitle { get; private set; } = "";

    public string QuestionPath => $"/intranet/personen/fragen/{RouteData.Values["id"]}";

    public async Task<IActionResult> OnGetAsync(Guid id, Guid answerId, CancellationToken ct) => await LoadAsync(id, answerId, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id, Guid answerId, CancellationToken ct)
    {
        var submitted = Body;
        if (await LoadAsync(id, answerId, ct) is { } refused)
            return refused;
        Body = submitted;
        var problem = await changes.EditAsync(SpaceAccess.Caller.Of(User)!, id, answerId, Body, ct);
        if (problem is null)
        {
            this.Flash(text["Ihre Antwort ist geändert."]);
            return Redirect($"{QuestionPath}#antwort-{answerId}");
        }
        if (problem == PeopleProblem.NotFound)
            return NotFound();
        if (problem == PeopleProblem.NotAllowed)
            return Forbid();
        ModelState.AddModelError(nameof(Body), PeopleTexts.Message(problem.Value, text));
        return this.PageWithErrors();
    }

    /// <summary>Null when the caller may edit; 403 for guests and for someone else's answer, 404 for what is not there.</summary>
    private async Task<IActionResult?> LoadAsync(Guid id, Guid answerId, CancellationToken ct)
    {
        if (SpaceAccess.Caller.Of(User) is not { Staff: true } caller)
            return Forbid();
        var answer = await db.Set<ExpertAnswer>().AsNoTracking().Where(a => a.Id == answerId && a.QuestionId == id)
            .Select(a => new { a.AuthorId, a.Body, Question = db.Set<ExpertQuestion>().Where(q => q.Id == id).Select(q => q.Title).FirstOrDefault() })
            .SingleOrDefaultAsync(ct);
        if (answer is null)
            return NotFound();
        if (!ChangeAnswer.CanEdit(caller, answer.AuthorId))
            return Forbid();
        (QuestionTitle, Body) = (answer.Question ?? "", answer.Body);
        return null;
    }
}
