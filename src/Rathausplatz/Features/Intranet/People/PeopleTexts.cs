namespace Rathausplatz.Features.Intranet.People;

/// <summary>Names (localizer keys) of skill levels and the messages of refused people forms.</summary>
public static class PeopleTexts
{
    public static string LevelName(SkillLevel level) => level switch
    {
        SkillLevel.Basic => Texts.Key("Grundkenntnisse"),
        SkillLevel.Advanced => Texts.Key("Fortgeschritten"),
        SkillLevel.Expert => Texts.Key("Expertise"),
        _ => Texts.Key("ohne Angabe"),
    };

    public static string Message(PeopleProblem problem, IStringLocalizer text) => problem switch
    {
        PeopleProblem.JobTitleMissing => text["Bitte geben Sie Ihre Funktion an."],
        PeopleProblem.JobTitleTooLong => text["Die Funktion darf höchstens {0} Zeichen lang sein.", StaffProfile.MaxJobTitle],
        PeopleProblem.LanguagesTooLong => text["Die Sprachen dürfen höchstens {0} Zeichen lang sein.", StaffProfile.MaxShort],
        PeopleProblem.CertificatesTooLong => text["Die Zertifikate dürfen höchstens {0} Zeichen lang sein.", StaffProfile.MaxShort],
        PeopleProblem.ExperienceTooLong => text["Die Erfahrung darf höchstens {0} Zeichen lang sein.", StaffProfile.MaxExperience],
        PeopleProblem.CanHelpWithTooLong => text["„Ich kann helfen bei …“ darf höchstens {0} Zeichen lang sein.", StaffProfile.MaxShort],
        PeopleProblem.UnknownDepartment => text["Bitte wählen Sie eine der angebotenen Abteilungen."],
        PeopleProblem.SkillMissing => text["Bitte geben Sie eine Fähigkeit an."],
        PeopleProblem.SkillTooLong => text["Eine Fähigkeit darf höchstens {0} Zeichen lang sein.", ProfileSkill.MaxName],
        PeopleProblem.SkillInvalid => text["Eine Fähigkeit besteht aus Buchstaben, Ziffern, Leerzeichen und - + # . / &."],
        PeopleProblem.SkillExists => text["Diese Fähigkeit steht schon in Ihrem Profil."],
        PeopleProblem.TooManySkills => text["Ein Profil hat höchstens {0} Fähigkeiten.", ProfileSkill.MaxPerPerson],
        PeopleProblem.UnknownLevel => text["Bitte wählen Sie eine der angebotenen Stufen."],
        PeopleProblem.ProfileMissing => text["Bitte speichern Sie zuerst Ihr Profil."],
        PeopleProblem.SelfEndorsement => text["Eigene Fähigkeiten können Sie nicht bestätigen."],
        PeopleProblem.AlreadyEndorsed => text["Diese Fähigkeit haben Sie schon bestätigt."],
        PeopleProblem.TitleMissing => text["Bitte geben Sie Ihre Frage an."],
        PeopleProblem.TitleTooLong => text["Die Frage darf höchstens {0} Zeichen lang sein.", ExpertQuestion.MaxTitle],
        PeopleProblem.BodyTooLong => text["Die Erläuterung darf höchstens {0} Zeichen lang sein.", ExpertQuestion.MaxBody],
        PeopleProblem.SkillsMissing => text["Bitte nennen Sie mindestens eine Fähigkeit, damit die Frage die Richtigen erreicht."],
        PeopleProblem.TooManyQuestionSkills => text["Eine Frage hat höchstens {0} Fähigkeiten.", ExpertQuestion.MaxSkills],
        PeopleProblem.AnswerMissing => text["Bitte schreiben Sie eine Antwort."],
        PeopleProblem.AnswerTooLong => text["Die Antwort darf höchstens {0} Zeichen lang sein.", ExpertAnswer.MaxBody],
        _ => text["Das ist hier nicht möglich."],
    };
}
