namespace Rathausplatz.Features.Accounts;

/// <summary>How a role is called on screen; the values are localizer keys. Named after the work, not the person.</summary>
public static class RoleNames
{
    private static readonly Dictionary<string, string> Names = new()
    {
        [Roles.Citizen] = Texts.Key("Bürgerinnen und Bürger"),
        [Roles.Guest] = Texts.Key("Gast"),
        [Roles.Staff] = Texts.Key("Mitarbeit"),
        [Roles.Editor] = Texts.Key("Redaktion"),
        [Roles.Moderator] = Texts.Key("Moderation"),
        [Roles.OrganizationAdmin] = Texts.Key("Verwaltung der Kommune"),
        [Roles.PlatformAdmin] = Texts.Key("Plattformbetrieb"),
    };

    public static string Of(string role) => Names.GetValueOrDefault(role, role);
}
