using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rathausplatz.Data;
using Rathausplatz.Features.Participation.Processes;

namespace Rathausplatz.Features.Participation.Surveys;

/// <summary>
/// A questionnaire inside a process: open on whole days (town time, like phases) within the process's dates,
/// answered once per person. Anonymous surveys keep who answered apart from what was answered
/// (<see cref="SurveyParticipation"/> and <see cref="SurveyResponse"/>).
/// </summary>
public sealed class Survey : ITenantOwned
{
    public const int MaxTitle = 200;
    public const int MaxIntro = 5000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public Guid ProcessId { get; set; }
    public required string Title { get; set; }
    /// <summary>Markdown, rendered through <see cref="MarkdownRenderer"/>.</summary>
    public string Intro { get; set; } = "";
    /// <summary>Midnight of the first day in the town, as UTC.</summary>
    public DateTime OpensAt { get; set; }
    /// <summary>Midnight after the last day (exclusive), as UTC.</summary>
    public DateTime ClosesAt { get; set; }
    /// <summary>Answers carry no link to the account. Fixed once the first answer is in.</summary>
    public bool Anonymous { get; set; }
    public bool Published { get; set; }
    /// <summary>The editors show the results before the survey closes.</summary>
    public bool ResultsReleased { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public List<SurveyQuestion> Questions { get; set; } = [];

    public DateOnly FirstDay => DateOnly.FromDateTime(TownTime.ToLocal(OpensAt)!.Value);
    public DateOnly LastDay => DateOnly.FromDateTime(TownTime.ToLocal(ClosesAt)!.Value).AddDays(-1);
    public bool IsOpen(DateTime now) => Published && OpensAt <= now && now < ClosesAt;
    public bool ResultsPublic(DateTime now) => Published && (ResultsReleased || now >= ClosesAt);
}

/// <summary>Stored as numbers: do not reorder.</summary>
public enum QuestionKind { SingleChoice = 0, MultipleChoice = 1, FreeText = 2, Scale = 3, Ranking = 4, Matrix = 5 }

/// <summary>
/// One question. <see cref="Options"/> holds the answers to choose or rank, or a matrix's rows, one a line;
/// scales and matrices share <see cref="ScaleMin"/>…<see cref="ScaleMax"/> with labels for both ends.
/// A conditional question applies only when an earlier choice question got <see cref="ConditionOption"/>.
/// </summary>
public sealed class SurveyQuestion : ITenantOwned
{
    public const int MaxText = 500;
    public const int MaxHint = 1000;
    public const int MaxOptions = 4000;
    public const int MaxLabel = 60;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public Guid SurveyId { get; set; }
    public int Position { get; set; }
    public QuestionKind Kind { get; set; }
    public required string Text { get; set; }
    public string? Hint { get; set; }
    public bool Required { get; set; }
    /// <summary>One a line; choices and ranking: the answers, matrix: the rows.</summary>
    public string Options { get; set; } = "";
    public int ScaleMin { get; set; } = 1;
    public int ScaleMax { get; set; } = 5;
    public string? ScaleMinLabel { get; set; }
    public string? ScaleMaxLabel { get; set; }
    public Guid? ConditionQuestionId { get; set; }
    /// <summary>Index into the condition question's options.</summary>
    public int? ConditionOption { get; set; }

    public IReadOnlyList<string> OptionList => Options.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    public bool HasOptions => Kind is QuestionKind.SingleChoice or QuestionKind.MultipleChoice or QuestionKind.Ranking or QuestionKind.Matrix;
    public bool HasScale => Kind is QuestionKind.Scale or QuestionKind.Matrix;
    public bool IsChoice => Kind is QuestionKind.SingleChoice or QuestionKind.MultipleChoice;
    public IEnumerable<int> ScaleValues => Enumerable.Range(ScaleMin, ScaleMax - ScaleMin + 1);
}

/// <summary>
/// That a person has answered a survey: the unique key decides between parallel requests. No time and no
/// reference to the response, so for an anonymous survey nothing joins the two.
/// </summary>
public sealed class SurveyParticipation : ITenantOwned
{
    public Guid OrganizationId { get; set; }
    public Guid SurveyId { get; set; }
    public Guid UserId { get; set; }
}

/// <summary>
/// One person's answers. The id is random (a v7 Guid would carry the time), the date is the day only, and
/// the account is kept only where the survey is not anonymous.
/// </summary>
public sealed class SurveyResponse : ITenantOwned
{
    public Guid Id { get; set; } = RandomId();
    public Guid OrganizationId { get; set; }
    public Guid SurveyId { get; set; }
    /// <summary>Null in anonymous surveys, and once the account is deleted.</summary>
    public Guid? UserId { get; set; }
    /// <summary>The day in the town; no finer time, so it cannot be matched with log lines or other rows.</summary>
    public DateOnly SubmittedOn { get; set; }

    public List<SurveyAnswer> Answers { get; set; } = [];

    /// <summary>122 random bits as a version 4 Guid; Guid.NewGuid is banned in this code base to keep keys ordered.</summary>
    public static Guid RandomId()
    {
        Span<byte> bytes = stackalloc byte[16];
        System.Security.Cryptography.RandomNumberGenerator.Fill(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }
}

/// <summary>
/// One piece of an answer: a chosen option (<see cref="Item"/> = its index), a scale value (Item 0), a rank
/// (Item = option, <see cref="Value"/> = position), a matrix cell (Item = row), or free text. No id of its own
/// (an ordered id would carry the time); the key is (response, question, item).
/// </summary>
public sealed class SurveyAnswer : ITenantOwned
{
    public const int MaxText = 2000;

    public Guid OrganizationId { get; set; }
    public Guid ResponseId { get; set; }
    public Guid QuestionId { get; set; }
    public int Item { get; set; }
    public int? Value { get; set; }
    public string? Text { get; set; }
}

internal sealed class SurveyConfiguration : IEntityTypeConfiguration<Survey>, IEntityTypeConfiguration<SurveyQuestion>,
    IEntityTypeConfiguration<SurveyParticipation>, IEntityTypeConfiguration<SurveyResponse>, IEntityTypeConfiguration<SurveyAnswer>
{
    public void Configure(EntityTypeBuilder<Survey> survey)
    {
        survey.ToTable("Surveys");
        survey.Property(s => s.Title).HasMaxLength(Survey.MaxTitle);
        survey.Property(s => s.Intro).HasMaxLength(Survey.MaxIntro);
        survey.HasIndex(s => new { s.ProcessId, s.OpensAt });
        survey.HasOne<ParticipationProcess>().WithMany().HasForeignKey(s => s.ProcessId).OnDelete(DeleteBehavior.Cascade);
        survey.HasMany(s => s.Questions).WithOne().HasForeignKey(q => q.SurveyId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<SurveyQuestion> question)
    {
        question.ToTable("SurveyQuestions");
        question.Property(q => q.Text).HasMaxLength(SurveyQuestion.MaxText);
        question.Property(q => q.Hint).HasMaxLength(SurveyQuestion.MaxHint);
        question.Property(q => q.Options).HasMaxLength(SurveyQuestion.MaxOptions);
        question.Property(q => q.ScaleMinLabel).HasMaxLength(SurveyQuestion.MaxLabel);
        question.Property(q => q.ScaleMaxLabel).HasMaxLength(SurveyQuestion.MaxLabel);
        question.HasIndex(q => new { q.SurveyId, q.Position });
        // Removing a question that others depend on is refused by RemoveQuestion; the key is only the backstop.
        question.HasOne<SurveyQuestion>().WithMany().HasForeignKey(q => q.ConditionQuestionId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<SurveyParticipation> participation)
    {
        participation.ToTable("SurveyParticipations");
        participation.HasKey(p => new { p.SurveyId, p.UserId });
        participation.HasIndex(p => p.UserId);
        participation.HasOne<Survey>().WithMany().HasForeignKey(p => p.SurveyId).OnDelete(DeleteBehavior.Cascade);
        participation.HasOne<Accounts.User>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<SurveyResponse> response)
    {
        response.ToTable("SurveyResponses");
        response.Property(r => r.Id).ValueGeneratedNever();
        response.HasIndex(r => r.SurveyId);
        response.HasIndex(r => r.UserId);
        response.HasOne<Survey>().WithMany().HasForeignKey(r => r.SurveyId).OnDelete(DeleteBehavior.Cascade);
        response.HasOne<Accounts.User>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.SetNull);
        response.HasMany(r => r.Answers).WithOne().HasForeignKey(a => a.ResponseId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<SurveyAnswer> answer)
    {
        answer.ToTable("SurveyAnswers");
        answer.HasKey(a => new { a.ResponseId, a.QuestionId, a.Item });
        answer.Property(a => a.Text).HasMaxLength(SurveyAnswer.MaxText);
        answer.HasIndex(a => a.QuestionId);
        answer.HasOne<SurveyQuestion>().WithMany().HasForeignKey(a => a.QuestionId).OnDelete(DeleteBehavior.Cascade);
    }
}
