namespace Rathausplatz.Features.Intranet.People;

/// <summary>Why a people form was refused; <see cref="PeopleTexts.Message"/> says it in words.</summary>
public enum PeopleProblem
{
    JobTitleMissing, JobTitleTooLong, LanguagesTooLong, CertificatesTooLong, ExperienceTooLong, CanHelpWithTooLong, UnknownDepartment,
    SkillMissing, SkillTooLong, SkillInvalid, SkillExists, TooManySkills, UnknownLevel, ProfileMissing,
    SelfEndorsement, AlreadyEndorsed,
    TitleMissing, TitleTooLong, BodyMissing, BodyTooLong, SkillsMissing, TooManyQuestionSkills, AnswerMissing, AnswerTooLong,
    NotFound, NotAllowed,
}
