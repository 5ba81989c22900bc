using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rathausplatz.Data;
using Rathausplatz.Features.Accounts;

namespace Rathausplatz.Features.Intranet.People;

/// <summary>
/// "Frag die Expert:innen": a member of staff asks a question tagged with skills; the colleagues who have one of
/// them are told (<see cref="NotifyExperts"/>); answers follow below; the asker marks the best one.
/// </summary>
public sealed class ExpertQuestion : ITenantOwned
{
    public const int MaxTitle = 200;
    public const int MaxBody = 4000;
    public const int MaxSkills = 5;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    /// <summary>Null once the asker's account is gone; the question stays for the others.</summary>
    public Guid? AskerId { get; set; }
    public required string Title { get; set; }
    /// <summary>Markdown; shown only through <see cref="MarkdownRenderer"/>.</summary>
    public string Body { get; set; } = "";
    public Guid? BestAnswerId { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>A skill a question is tagged with (normalised like <see cref="ProfileSkill.Name"/>).</summary>
public sealed class ExpertQuestionSkill : ITenantOwned
{
    public Guid OrganizationId { get; set; }
    public Guid QuestionId { get; set; }
    public required string Skill { get; set; }
}

public sealed class ExpertAnswer : ITenantOwned
{
    public const int MaxBody = 4000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public Guid QuestionId { get; set; }
    public Guid? AuthorId { get; set; }
    /// <summary>Markdown; shown only through <see cref="MarkdownRenderer"/>.</summary>
    public required string Body { get; set; }
    public DateTime CreatedAt { get; set; }
}

internal sealed class ExpertQuestionConfiguration : IEntityTypeConfiguration<ExpertQuestion>, IEntityTypeConfiguration<ExpertQuestionSkill>, IEntityTypeConfiguration<ExpertAnswer>
{
    public void Configure(EntityTypeBuilder<ExpertQuestion> question)
    {
        question.ToTable("IntranetExpertQuestions");
        question.Property(q => q.Title).HasMaxLength(ExpertQuestion.MaxTitle);
        question.Property(q => q.Body).HasMaxLength(ExpertQuestion.MaxBody);
        question.HasIndex(q => new { q.OrganizationId, q.CreatedAt });
        question.HasOne<User>().WithMany().HasForeignKey(q => q.AskerId).OnDelete(DeleteBehavior.SetNull);
    }

    public void Configure(EntityTypeBuilder<ExpertQuestionSkill> skill)
    {
        skill.ToTable("IntranetExpertQuestionSkills");
        skill.HasKey(s => new { s.QuestionId, s.Skill });
        skill.Property(s => s.Skill).HasMaxLength(ProfileSkill.MaxName);
        skill.HasOne<ExpertQuestion>().WithMany().HasForeignKey(s => s.QuestionId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<ExpertAnswer> answer)
    {
        answer.ToTable("IntranetExpertAnswers");
        answer.Property(a => a.Body).HasMaxLength(ExpertAnswer.MaxBody);
        answer.HasIndex(a => new { a.QuestionId, a.CreatedAt });
        answer.HasOne<ExpertQuestion>().WithMany().HasForeignKey(a => a.QuestionId).OnDelete(DeleteBehavior.Cascade);
        answer.HasOne<User>().WithMany().HasForeignKey(a => a.AuthorId).OnDelete(DeleteBehavior.SetNull);
    }
}
