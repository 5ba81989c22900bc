using Rathausplatz.Data;

namespace Rathausplatz.Features.Participation.Surveys;

/// <summary>A bar: its label, how many chose it, and the share of those who answered the question (0–100).</summary>
public sealed record ResultBar(string Label, int Count, double Percent);

/// <summary>An option's average position (1 = first) among those who ranked.</summary>
public sealed record RankResult(string Label, double AveragePosition);

/// <summary>A matrix row: how many gave each scale value, and the mean.</summary>
public sealed record MatrixRowResult(string Label, IReadOnlyList<int> Counts, double? Average);

public sealed record QuestionResult(SurveyQuestion Question, int Answered, IReadOnlyList<ResultBar> Bars, double? Average,
    IReadOnlyList<RankResult> Ranking, IReadOnlyList<MatrixRowResult> Matrix, IReadOnlyList<string> Texts);

public sealed record SurveyResults(int Responses, IReadOnlyList<QuestionResult> Questions);

/// <summary>
/// The figures of a survey, counted in SQL per (question, item, value): choices and scales as bars with shares
/// of those who answered the question, rankings as average positions, matrices as a table. Free text is
/// listed only when asked for (editors); the public sees how many wrote something.
/// </summary>
public sealed class CountResults(AppDb db)
{
    public async Task<SurveyResults> RunAsync(Survey survey, bool withTexts, CancellationToken ct)
    {
        var questions = survey.Questions.OrderBy(q => q.Position).ToList();
        var responses = await db.Set<SurveyResponse>().CountAsync(r => r.SurveyId == survey.Id, ct);
        var answers = db.Set<SurveyAnswer>().Where(a => db.Set<SurveyResponse>().Any(r => r.Id == a.ResponseId && r.SurveyId == survey.Id));
        var answered = await answers.GroupBy(a => a.QuestionId)
            .Select(g => new { g.Key, Count = g.Select(a => a.ResponseId).Distinct().Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var cells = await answers.Where(a => a.Value != null)
            .GroupBy(a => new { a.QuestionId, a.Item, a.Value })
            .Select(g => new { g.Key.QuestionId, g.Key.Item, Value = g.Key.Value!.Value, Count = g.Count() })
            .ToListAsync(ct);
        var texts = withTexts
            ? (await answers.Where(a => a.Text != null).Select(a => new { a.QuestionId, a.ResponseId, Text = a.Text! }).ToListAsync(ct))
                // By the random response id: the order tells nothing about who answered when.
                .OrderBy(a => a.ResponseId).ToLookup(a => a.QuestionId, a => a.Text)
            : null;

        var results = new List<QuestionResult>();
        foreach (var question in questions)
        {
            var count = answered.GetValueOrDefault(question.Id);
            var mine = cells.Where(c => c.QuestionId == question.Id).ToList();
            double Share(int n) => count == 0 ? 0 : Math.Round(100.0 * n / count, 1);
            var options = question.OptionList;
            IReadOnlyList<ResultBar> bars = [];
            double? average = null;
            IReadOnlyList<RankResult> ranking = [];
            IReadOnlyList<MatrixRowResult> matrix = [];
            switch (question.Kind)
            {
                case QuestionKind.SingleChoice or QuestionKind.MultipleChoice:
                    bars = options.Select((label, i) => mine.Where(c => c.Item == i).Sum(c => c.Count)).Select((n, i) => new ResultBar(options[i], n, Share(n))).ToList();
                    break;
                case QuestionKind.Scale:
                    bars = question.ScaleValues.Select(v => mine.Where(c => c.Value == v).Sum(c => c.Count))
                        .Select((n, i) => new ResultBar(ScaleLabel(question, question.ScaleMin + i), n, Share(n))).ToList();
                    average = Mean(mine.Select(c => (c.Value, c.Count)));
                    break;
                case QuestionKind.Ranking:
                    ranking = options.Select((label, i) => new RankResult(label, Mean(mine.Where(c => c.Item == i).Select(c => (c.Value, c.Count))) ?? 0))
                        .Where(r => count > 0).OrderBy(r => r.AveragePosition).ToList();
                    break;
                case QuestionKind.Matrix:
                    matrix = options.Select((label, row) => new MatrixRowResult(label,
                        question.ScaleValues.Select(v => mine.Where(c => c.Item == row && c.Value == v).Sum(c => c.Count)).ToList(),
                        Mean(mine.Where(c => c.Item == row).Select(c => (c.Value, c.Count))))).ToList();
                    break;
            }
            results.Add(new(question, count, bars, average, ranking, matrix, texts?[question.Id].ToList() ?? []));
        }
        return new(responses, results);
    }

    /// <summary>The value, with the end's label where there is one: "1 (gar nicht wichtig)".</summary>
    public static string ScaleLabel(SurveyQuestion question, int value) =>
        value == question.ScaleMin && question.ScaleMinLabel is { } low ? $"{value} ({low})"
        : value == question.ScaleMax && question.ScaleMaxLabel is { } high ? $"{value} ({high})"
        : value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static double? Mean(IEnumerable<(int Value, int Count)> cells)
    {
        var list = cells.ToList();
        var n = list.Sum(c => c.Count);
        return n == 0 ? null : Math.Round((double)list.Sum(c => c.Value * c.Count) / n, 2);
    }
}
