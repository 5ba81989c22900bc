using Rathausplatz.Data;

namespace Rathausplatz.Features.Intranet.People;

/// <summary>
/// "Im Wiki festhalten": a question's best answer as the draft of a knowledge-base page, the question, the answer
/// and a link back. Only a draft: the colleague who keeps it reads it over, names it and saves it in the wiki's form.
/// </summary>
public sealed class BestAnswerDraft(AppDb db, IStringLocalizer<SharedResource> text)
{
    public sealed record Draft(string Title, string Body);

    public static string NewPagePath(Guid questionId) => $"/intranet/wiki/neu?frage={questionId}";

    public async Task<Draft?> FindAsync(Guid questionId, CancellationToken ct)
    {
        var found = await db.Set<ExpertQuestion>().AsNoTracking().Where(q => q.Id == questionId && q.BestAnswerId != null)
            .Select(q => new { q.Title, q.Body, Answer = db.Set<ExpertAnswer>().Where(a => a.Id == q.BestAnswerId).Select(a => a.Body).FirstOrDefault() })
            .SingleOrDefaultAsync(ct);
        if (found?.Answer is null)
            return null;
        var question = string.IsNullOrWhiteSpace(found.Body) ? found.Title : found.Body.Trim();
        var body = $"## {text["Frage"]}\n\n{question}\n\n## {text["Antwort"]}\n\n{found.Answer.Trim()}\n\n"
            + $"{text["Aus „Frag die Expert:innen“"]}: [{found.Title}](/intranet/personen/fragen/{questionId})\n";
        return new(found.Title, body);
    }
}
