using System.ComponentModel.DataAnnotations;

namespace Rathausplatz.Features.Participation.Surveys;

/// <summary>The back office's form of a survey's frame; <see cref="SaveSurvey"/> checks the rules that need the process.</summary>
public sealed class SurveyInput
{
    [Required(ErrorMessage = "Bitte geben Sie einen Titel an.")]
    [StringLength(Survey.MaxTitle, ErrorMessage = "Höchstens {1} Zeichen.")]
    [Display(Name = "Titel")]
    public string? Title { get; set; }

    [StringLength(Survey.MaxIntro, ErrorMessage = "Höchstens {1} Zeichen.")]
    [Display(Name = "Einleitung (Markdown)")]
    public string? Intro { get; set; }

    [Required(ErrorMessage = "Bitte geben Sie den ersten Tag an.")]
    [Display(Name = "Erster Tag")]
    public DateOnly? FirstDay { get; set; }

    [Required(ErrorMessage = "Bitte geben Sie den letzten Tag an.")]
    [Display(Name = "Letzter Tag")]
    public DateOnly? LastDay { get; set; }

    public bool Anonymous { get; set; }

    public bool Published { get; set; }

    public bool ResultsReleased { get; set; }

    public static SurveyInput From(Survey survey) => new()
    {
        Title = survey.Title, Intro = survey.Intro, FirstDay = survey.FirstDay, LastDay = survey.LastDay,
        Anonymous = survey.Anonymous, Published = survey.Published, ResultsReleased = survey.ResultsReleased,
    };
}

/// <summary>One question as the editor types it: options and matrix rows one a line.</summary>
public sealed class QuestionInput
{
    public QuestionKind Kind { get; set; }

    [Required(ErrorMessage = "Bitte geben Sie die Frage ein.")]
    [StringLength(SurveyQuestion.MaxText, ErrorMessage = "Höchstens {1} Zeichen.")]
    [Display(Name = "Frage")]
    public string? Text { get; set; }

    [StringLength(SurveyQuestion.MaxHint, ErrorMessage = "Höchstens {1} Zeichen.")]
    [Display(Name = "Hinweis")]
    public string? Hint { get; set; }

    public bool Required { get; set; }

    [StringLength(SurveyQuestion.MaxOptions, ErrorMessage = "Höchstens {1} Zeichen.")]
    [Display(Name = "Antworten oder Zeilen (eine je Zeile)")]
    public string? Options { get; set; }

    [Range(0, 10, ErrorMessage = "Bitte eine Zahl von {1} bis {2}.")]
    [Display(Name = "Skala von")]
    public int ScaleMin { get; set; } = 1;

    [Range(1, 10, ErrorMessage = "Bitte eine Zahl von {1} bis {2}.")]
    [Display(Name = "Skala bis")]
    public int ScaleMax { get; set; } = 5;

    [StringLength(SurveyQuestion.MaxLabel, ErrorMessage = "Höchstens {1} Zeichen.")]
    [Display(Name = "Beschriftung des unteren Endes")]
    public string? ScaleMinLabel { get; set; }

    [StringLength(SurveyQuestion.MaxLabel, ErrorMessage = "Höchstens {1} Zeichen.")]
    [Display(Name = "Beschriftung des oberen Endes")]
    public string? ScaleMaxLabel { get; set; }

    /// <summary>"{questionId}:{optionIndex}" of an earlier choice question, or empty.</summary>
    public string? Condition { get; set; }

    public static QuestionInput From(SurveyQuestion q) => new()
    {
        Kind = q.Kind, Text = q.Text, Hint = q.Hint, Required = q.Required, Options = string.Join("\n", q.OptionList),
        ScaleMin = q.ScaleMin, ScaleMax = q.ScaleMax, ScaleMinLabel = q.ScaleMinLabel, ScaleMaxLabel = q.ScaleMaxLabel,
        Condition = q.ConditionQuestionId is { } id ? $"{id}:{q.ConditionOption}" : null,
    };
}
