namespace Rathausplatz.Features.Accounts;

/// <summary>Identity's messages in the user's language; the wording never tells whether an address is taken by someone.</summary>
public sealed class LocalizedIdentityErrorDescriber(IStringLocalizer<SharedResource> text) : IdentityErrorDescriber
{
    private IdentityError Error(string code, string message) => new() { Code = code, Description = message };

    public override IdentityError DefaultError() => Error(nameof(DefaultError), text["Ein unbekannter Fehler ist aufgetreten."]);
    public override IdentityError ConcurrencyFailure() => Error(nameof(ConcurrencyFailure), text["Die Daten wurden inzwischen geändert. Bitte laden Sie die Seite neu."]);
    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), text["Das Passwort ist falsch."]);
    public override IdentityError InvalidToken() => Error(nameof(InvalidToken), text["Der Link ist ungültig oder abgelaufen."]);
    public override IdentityError RecoveryCodeRedemptionFailed() => Error(nameof(RecoveryCodeRedemptionFailed), text["Der Wiederherstellungscode ist ungültig."]);
    public override IdentityError LoginAlreadyAssociated() => Error(nameof(LoginAlreadyAssociated), text["Dieses Konto ist bereits verknüpft."]);
    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), text["Die E-Mail-Adresse ist ungültig."]);
    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), text["Die E-Mail-Adresse ist ungültig."]);
    // Same text as a successful sign-up would show elsewhere would hide it entirely; here we at least avoid naming the address.
    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), text["Mit dieser E-Mail-Adresse ist eine Registrierung nicht möglich."]);
    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail), text["Mit dieser E-Mail-Adresse ist eine Registrierung nicht möglich."]);
    public override IdentityError InvalidRoleName(string? role) => Error(nameof(InvalidRoleName), text["Die Rolle ist ungültig."]);
    public override IdentityError DuplicateRoleName(string role) => Error(nameof(DuplicateRoleName), text["Die Rolle gibt es schon."]);
    public override IdentityError UserAlreadyHasPassword() => Error(nameof(UserAlreadyHasPassword), text["Für dieses Konto ist bereits ein Passwort gesetzt."]);
    public override IdentityError UserLockoutNotEnabled() => Error(nameof(UserLockoutNotEnabled), text["Sperren ist für dieses Konto nicht aktiviert."]);
    public override IdentityError UserAlreadyInRole(string role) => Error(nameof(UserAlreadyInRole), text["Das Konto hat diese Rolle bereits."]);
    public override IdentityError UserNotInRole(string role) => Error(nameof(UserNotInRole), text["Das Konto hat diese Rolle nicht."]);
    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), text["Das Passwort muss mindestens {0} Zeichen lang sein.", length]);
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => Error(nameof(PasswordRequiresUniqueChars), text["Das Passwort muss mindestens {0} verschiedene Zeichen enthalten.", uniqueChars]);
    public override IdentityError PasswordRequiresNonAlphanumeric() => Error(nameof(PasswordRequiresNonAlphanumeric), text["Das Passwort muss ein Sonderzeichen enthalten."]);
    public override IdentityError PasswordRequiresDigit() => Error(nameof(PasswordRequiresDigit), text["Das Passwort muss eine Ziffer enthalten."]);
    public override IdentityError PasswordRequiresLower() => Error(nameof(PasswordRequiresLower), text["Das Passwort muss einen Kleinbuchstaben enthalten."]);
    public override IdentityError PasswordRequiresUpper() => Error(nameof(PasswordRequiresUpper), text["Das Passwort muss einen Großbuchstaben enthalten."]);
}
