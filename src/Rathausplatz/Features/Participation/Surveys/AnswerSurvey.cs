using System.Globalization;
using Rathausplatz.Data;
using Rathausplatz.Features.Participation.Processes;
using Rathausplatz.Features.Participation.Verification;
using Rathausplatz.Features.Participation.WithoutAccount;


namespace Rathausplatz.Features.Participation.Surveys;

public enum AnswerOutcome { Saved, Invalid, AlreadyAnswered, NotFound, Closed, EmailNotConfirmed, ResidencyRequired }

/// <summary>What is wrong with the answer to one question.</summary>
public enum AnswerProblem { Required, NotAnOption, TooLong, OutOfScale, NotAPermutation, RowMissing }

public sealed record AnswerResult(AnswerOutcome Outcome, IReadOnlyDictionary<Guid, AnswerProblem> Problems)
{
    public static AnswerResult Of(AnswerOutcome outcome) => new(outcome, new Dictionary<Guid, AnswerProblem>());
}

/// <summary>
/// Checks and stores one person's answers, once per person and survey. The form's fields are named
/// <c>q-{id}</c> (a choice, several checkboxes, a text, a scale value) and <c>q-{id}-{n}</c> (the rank of option
/// n, the value of matrix row n). A conditional question counts only when its condition is met by the answers
/// in the same post; otherwise what was typed there is ignored (without script, all questions show).
/// <para>
/// The unique key of <see cref="SurveyParticipation"/> decides between parallel posts: the participation and
/// the response go in in one save, so a refused participation leaves no response either. In an anonymous
/// survey the response has no account, a random id and the day only.
/// </para>
/// </summary>
public sealed class AnswerSurvey(AppDb db, VerifyResidency residency, TimeProvider time)
{
    public static string FieldName(Guid questionId) => $"q-{questionId}";
    public static string FieldName(Guid questionId, int item) => $"q-{questionId}-{item.ToString(CultureInfo.InvariantCulture)}";

    public async Task<AnswerResult> RunAsync(Guid surveyId, Guid userId, IReadOnlyDictionary<string, string[]> form, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var survey = await db.Set<Survey>().AsNoTracking().Include(s => s.Questions).SingleOrDefaultAsync(s => s.Id == surveyId, ct);
        var process = survey is null ? null : await db.Set<ParticipationProcess>()
            .Where(p => p.Id == survey.ProcessId && p.Published && p.SurveysEnabled).Select(p => new { p.ResidentsOnly }).SingleOrDefaultAsync(ct);
        if (survey is null || !survey.Published || process is null)
            return AnswerResult.Of(AnswerOutcome.NotFound);
        if (!survey.IsOpen(now))
            return AnswerResult.Of(AnswerOutcome.Closed);
        if (!await db.Users.AnyAsync(u => u.Id == userId && u.EmailConfirmed, ct))
            return AnswerResult.Of(AnswerOutcome.EmailNotConfirmed);
        if (process.ResidentsOnly && !await residency.IsResidentAsync(userId, ct))
            return AnswerResult.Of(AnswerOutcome.ResidencyRequired);
        if (await db.Set<SurveyParticipation>().AnyAsync(p => p.SurveyId == surveyId && p.UserId == userId, ct)
            || await AnsweredAsGuestAsync(surveyId, userId, ct))
            return AnswerResult.Of(AnswerOutcome.AlreadyAnswered);

        var (answers, problems) = Read(survey.Questions, form);
        if (problems.Count > 0)
            return new(AnswerOutcome.Invalid, problems);

        var participation = new SurveyParticipation { SurveyId = surveyId, UserId = userId };
        var response = new SurveyResponse
        {
            SurveyId = surveyId,
            UserId = survey.Anonymous ? null : userId,
            SubmittedOn = DateOnly.FromDateTime(TownTime.ToLocal(now)!.Value),
            Answers = answers,
        };
        db.AddRange(participation, response);
        return await SaveOnceAsync(ct);
    }

    /// <summary>
    /// A person without an account answers through the link of their mail (<see cref="GuestParticipant"/>). The
    /// response never has an account; the guest's row only records that it answered, without a time. Marking the
    /// row and storing the response are one save, and the mark is a concurrency token, so of two parallel posts
    /// with the same link one counts. An address whose account has answered does not answer again.
    /// </summary>
    /// <remarks>The survey comes with its questions, from a process open without account (the questionnaire page checks that).</remarks>
    public async Task<AnswerResult> RunAsGuestAsync(GuestParticipant guest, Survey survey, IReadOnlyDictionary<string, string[]> form, CancellationToken ct)
    {
        if (guest.Action != GuestAction.SurveyAnswer || guest.SubjectId != survey.Id)
            return AnswerResult.Of(AnswerOutcome.NotFound);
        var now = time.GetUtcNow().UtcDateTime;
        if (!survey.IsOpen(now))
            return AnswerResult.Of(AnswerOutcome.Closed);
        if (await AnsweredAsync(guest, ct))
            return AnswerResult.Of(AnswerOutcome.AlreadyAnswered);
        var (answers, problems) = Read(survey.Questions, form);
        if (problems.Count > 0)
            return new(AnswerOutcome.Invalid, problems);

        guest.Answered = true;
        db.Add(new SurveyResponse
        {
            SurveyId = guest.SubjectId,
            SubmittedOn = DateOnly.FromDateTime(TownTime.ToLocal(now)!.Value),
            Answers = answers,
        });
        return await SaveOnceAsync(ct);
    }

    /// <summary>
    /// Saves the response with its mark (a participation row, or a guest row's <c>Answered</c>). When the unique key or
    /// the concurrency token refuses the mark, a parallel post of the same person got in first, and that one counts.
    /// </summary>
    private async Task<AnswerResult> SaveOnceAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return AnswerResult.Of(AnswerOutcome.AlreadyAnswered);
        }
        return AnswerResult.Of(AnswerOutcome.Saved);
    }

    /// <summary>The guest answered already, by this link or with the account of the same address.</summary>
    public async Task<bool> AnsweredAsync(GuestParticipant guest, CancellationToken ct) =>
        guest.Answered || await db.Set<SurveyParticipation>().AnyAsync(p => p.SurveyId == guest.SubjectId
            && db.Users.Any(u => u.Id == p.UserId && u.NormalizedEmail == guest.Email.ToUpperInvariant()), ct);

    /// <summary>The account's address has answered without the account.</summary>
    private async Task<bool> AnsweredAsGuestAsync(Guid surveyId, Guid userId, CancellationToken ct)
    {
        var address = (await db.Users.Where(u => u.Id == userId).Select(u => u.NormalizedEmail).SingleOrDefaultAsync(ct))?.ToLowerInvariant();
        return await db.Set<GuestParticipant>().AnyAsync(g => g.Action == GuestAction.SurveyAnswer && g.SubjectId == surveyId
            && g.Email == address && g.Answered, ct);
    }

    /// <summary>The answers as rows, or what is wrong, question by question in their order.</summary>
    public static (List<SurveyAnswer> Answers, Dictionary<Guid, AnswerProblem> Problems) Read(
        IEnumerable<SurveyQuestion> questions, IReadOnlyDictionary<string, string[]> form)
    {
        var answers = new List<SurveyAnswer>();
        var problems = new Dictionary<Guid, AnswerProblem>();
        var chosen = new Dictionary<Guid, HashSet<int>>();
        foreach (var question in questions.OrderBy(q => q.Position))
        {
            if (question.ConditionQuestionId is { } on && !(chosen.TryGetValue(on, out var picked) && picked.Contains(question.ConditionOption ?? -1)))
                continue;
            var (rows, problem) = ReadOne(question, name => form.TryGetValue(name, out var v) ? v.Where(x => !string.IsNullOrWhiteSpace(x)).ToArray() : []);
            if (problem is null && rows.Count == 0 && question.Required)
                problem = AnswerProblem.Required;
            if (problem is { } p)
            {
                problems[question.Id] = p;
                continue;
            }
            if (question.IsChoice)
                chosen[question.Id] = rows.Select(r => r.Item).ToHashSet();
            answers.AddRange(rows);
        }
        return (answers, problems);
    }

    private static (List<SurveyAnswer> Rows, AnswerProblem? Problem) ReadOne(SurveyQuestion question, Func<string, string[]> field)
    {
        var rows = new List<SurveyAnswer>();
        SurveyAnswer Row(int item, int? value = null, string? text = null) => new() { QuestionId = question.Id, Item = item, Value = value, Text = text };
        var options = question.OptionList.Count;
        var values = field(FieldName(question.Id));
        switch (question.Kind)
        {
            case QuestionKind.SingleChoice or QuestionKind.MultipleChoice:
                if (question.Kind == QuestionKind.SingleChoice && values.Length > 1)
                    return ([], AnswerProblem.NotAnOption);
                foreach (var value in values.Distinct())
                {
                    if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index >= options)
                        return ([], AnswerProblem.NotAnOption);
                    rows.Add(Row(index, 1));
                }
                return (rows, null);
            case QuestionKind.FreeText:
                var text = string.Join("\n", values).Trim().ReplaceLineEndings("\n");
                if (text.Length > SurveyAnswer.MaxText)
                    return ([], AnswerProblem.TooLong);
                return (text.Length == 0 ? [] : [Row(0, text: text)], null);
            case QuestionKind.Scale:
                if (values.Length == 0)
                    return ([], null);
                return values.Length == 1 && InScale(question, values[0]) is { } scaled ? ([Row(0, scaled)], null) : ([], AnswerProblem.OutOfScale);
            case QuestionKind.Ranking:
                var ranks = Enumerable.Range(0, options).Select(i => field(FieldName(question.Id, i))).ToList();
                if (ranks.All(r => r.Length == 0))
                    return ([], null);
                var parsed = ranks.Select(r => r.Length == 1 && int.TryParse(r[0], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1).ToList();
                if (!parsed.Order().SequenceEqual(Enumerable.Range(1, options)))
                    return ([], AnswerProblem.NotAPermutation);
                return (parsed.Select((rank, i) => Row(i, rank)).ToList(), null);
            default:
                for (var row = 0; row < options; row++)
                {
                    var cell = field(FieldName(question.Id, row));
                    if (cell.Length == 0)
                        continue;
                    if (cell.Length > 1 || InScale(question, cell[0]) is not { } v)
                        return ([], AnswerProblem.OutOfScale);
                    rows.Add(Row(row, v));
                }
                // Every row or none: a matrix half filled in is most likely overlooked, and its figures would mislead.
                if (rows.Count > 0 && rows.Count < options)
                    return ([], AnswerProblem.RowMissing);
                return (rows, null);
        }
    }

    private static int? InScale(SurveyQuestion question, string value) =>
        int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) && v >= question.ScaleMin && v <= question.ScaleMax ? v : null;
}
