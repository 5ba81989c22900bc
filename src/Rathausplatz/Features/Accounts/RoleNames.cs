namespace Rathausplatz.Features.Accounts;

/// <summary>How a role is called on screen; the values are localizer keys. Named after the work, not the person.</summary>
public static class RoleNames
{
    private static readonly Dictionary<string, string> Names = new()
    {
        [Roles.Citizen] = "Bürgerinnen und Bürger",
        [Roles.Guest] = "Gast",
        [Roles.Staff] = "Mitarbeit",
        [Roles.Editor] = "Redaktion",
        [Roles.Moderator] = "Moderation",
        [Roles.OrganizationAdmin] = "Verwaltung der Kommune",
        [Roles.PlatformAdmin] = "Plattformbetrieb",
    };

    public static string Of(string role) => Names.GetValueOrDefault(role, role);
}
