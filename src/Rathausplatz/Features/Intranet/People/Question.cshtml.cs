using System.ComponentModel.DataAnnotations;
using Rathausplatz.Data;
using Rathausplatz.Features.Intranet.Spaces;

namespace Rathausplatz.Features.Intranet.People;

/// <summary>
/// One question with its answers below it; any member of staff answers, only the asker marks the best answer. Authors
/// edit (<see cref="EditAnswerModel"/>) and delete their answers; admins delete anyone's.
/// </summary>
[Authorize(Policy = IntranetSetup.Policy)]
[EnableRateLimiting(IntranetSetup.SubmitRateLimit)]
public sealed class QuestionModel(AppDb db, AskExperts ask, ChangeAnswer changes, MarkdownRenderer markdown, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty, Display(Name = "Ihre Antwort")] public string? Body { get; set; }

    public sealed record AnswerView(Guid Id, Guid? AuthorId, string? Author, string Html, DateTime CreatedAt);

    public ExpertQuestion Question { get; private set; } = null!;
    public string? Asker { get; private set; }
    public string BodyHtml { get; private set; } = "";
    public List<string> Skills { get; private set; } = [];
    public List<AnswerView> Answers { get; private set; } = [];
    public bool IsAsker { get; private set; }
    public SpaceAccess.Caller Caller { get; private set; } = null!;

    public string AnswerEditPath(Guid answerId) => $"/intranet/personen/fragen/{Question.Id}/antworten/{answerId}/bearbeiten";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostAnswerAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused)
            return refused;
        var (answerId, problem) = await ask.AnswerAsync(id, SpaceAccess.Caller.Of(User)!.UserId, Body, ct);
        if (answerId is { } done)
        {
            this.Flash(text["Danke! Ihre Antwort ist veröffentlicht."]);
            return Redirect($"/intranet/personen/fragen/{id}#antwort-{done}");
        }
        if (problem == PeopleProblem.NotFound)
            return NotFound();
        ModelState.AddModelError(nameof(Body), PeopleTexts.Message(problem!.Value, text));
        return this.PageWithErrors();
    }

    public async Task<IActionResult> OnPostBestAsync(Guid id, Guid answerId, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused)
            return refused;
        var problem = await ask.MarkBestAsync(id, SpaceAccess.Caller.Of(User)!.UserId, answerId, ct);
        if (problem == PeopleProblem.NotAllowed)
            return Forbid();
        if (problem is not null)
            return NotFound();
        this.Flash(text["Die beste Antwort ist markiert."]);
        return Redirect($"/intranet/personen/fragen/{id}#antwort-{answerId}");
    }

    public async Task<IActionResult> OnPostDeleteAnswerAsync(Guid id, Guid answerId, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused)
            return refused;
        switch (await changes.DeleteAsync(Caller, id, answerId, ct))
        {
            case PeopleProblem.NotFound: return NotFound();
            case PeopleProblem.NotAllowed: return Forbid();
        }
        this.Flash(text["Die Antwort ist gelöscht."]);
        return Redirect($"/intranet/personen/fragen/{id}#answers-heading");
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        if (SpaceAccess.Caller.Of(User) is not { Staff: true } caller)
            return Forbid();
        if (await db.Set<ExpertQuestion>().AsNoTracking().SingleOrDefaultAsync(q => q.Id == id, ct) is not { } question)
            return NotFound();
        (Question, Caller) = (question, caller);
        IsAsker = question.AskerId == caller.UserId;
        Asker = await db.Users.Where(u => u.Id == question.AskerId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
        BodyHtml = markdown.ToSafeHtml(question.Body);
        Skills = await db.Set<ExpertQuestionSkill>().Where(s => s.QuestionId == id).Select(s => s.Skill).OrderBy(s => s).ToListAsync(ct);
        var answers = await db.Set<ExpertAnswer>().AsNoTracking().Where(a => a.QuestionId == id).OrderBy(a => a.CreatedAt).ThenBy(a => a.Id)
            .Select(a => new { a.Id, a.AuthorId, Author = db.Users.Where(u => u.Id == a.AuthorId).Select(u => u.DisplayName).FirstOrDefault(), a.Body, a.CreatedAt })
            .ToListAsync(ct);
        // The best answer first, the others in the order they came.
        Answers = answers.Select(a => new AnswerView(a.Id, a.AuthorId, a.Author, markdown.ToSafeHtml(a.Body), a.CreatedAt))
            .OrderByDescending(a => a.Id == question.BestAnswerId).ToList();
        return null;
    }
}
