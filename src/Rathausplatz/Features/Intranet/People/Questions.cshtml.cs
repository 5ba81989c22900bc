using System.ComponentModel.DataAnnotations;
using Rathausplatz.Data;
using Rathausplatz.Features.Intranet.Spaces;

namespace Rathausplatz.Features.Intranet.People;

/// <summary>"Frag die Expert:innen": the latest questions and the form to ask one. Staff only.</summary>
[Authorize(Policy = IntranetSetup.Policy)]
[EnableRateLimiting(IntranetSetup.SubmitRateLimit)]
public sealed class QuestionsModel(AppDb db, AskExperts ask, IStringLocalizer<SharedResource> text) : PageModel
{
    public const int Shown = 50;

    [BindProperty, Display(Name = "Ihre Frage")] public string? Title { get; set; }
    [BindProperty, Display(Name = "Erläuterung")] public string? Body { get; set; }
    [BindProperty, Display(Name = "Fähigkeiten")] public string? Skills { get; set; }

    public sealed record Row(Guid Id, string Title, string? Asker, DateTime CreatedAt, int Answers, bool Solved, List<string> Skills);

    public List<Row> Questions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (SpaceAccess.Caller.Of(User) is not { Staff: true })
            return Forbid();
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (SpaceAccess.Caller.Of(User) is not { Staff: true } caller)
            return Forbid();
        var result = await ask.AskAsync(new QuestionInput(caller.UserId, Title, Body, Skills), ct);
        if (result.Id is { } id)
        {
            this.Flash(text["Ihre Frage ist gestellt. Die Kolleg:innen mit diesen Fähigkeiten erfahren davon."]);
            return Redirect($"/intranet/personen/fragen/{id}");
        }
        foreach (var problem in result.Problems)
            ModelState.AddModelError(problem switch
            {
                PeopleProblem.TitleMissing or PeopleProblem.TitleTooLong => nameof(Title),
                PeopleProblem.BodyTooLong => nameof(Body),
                _ => nameof(Skills),
            }, PeopleTexts.Message(problem, text));
        await LoadAsync(ct);
        return this.PageWithErrors();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var rows = await db.Set<ExpertQuestion>().AsNoTracking().OrderByDescending(q => q.CreatedAt).ThenByDescending(q => q.Id).Take(Shown)
            .Select(q => new
            {
                q.Id,
                q.Title,
                Asker = db.Users.Where(u => u.Id == q.AskerId).Select(u => u.DisplayName).FirstOrDefault(),
                q.CreatedAt,
                Answers = db.Set<ExpertAnswer>().Count(a => a.QuestionId == q.Id),
                Solved = q.BestAnswerId != null,
            }).ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var skills = (await db.Set<ExpertQuestionSkill>().AsNoTracking().Where(s => ids.Contains(s.QuestionId)).ToListAsync(ct)).ToLookup(s => s.QuestionId, s => s.Skill);
        Questions = rows.Select(r => new Row(r.Id, r.Title, r.Asker, r.CreatedAt, r.Answers, r.Solved, skills[r.Id].Order(StringComparer.Ordinal).ToList())).ToList();
    }
}
