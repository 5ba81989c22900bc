namespace Rathausplatz.Features.Accounts;

/// <summary>The roles a member of an organisation can hold. Names are stable: they are stored.</summary>
public static class Roles
{
    public const string Citizen = "citizen";
    public const string Guest = "guest";
    public const string Staff = "staff";
    public const string Editor = "editor";
    public const string Moderator = "moderator";
    public const string OrganizationAdmin = "organization-admin";
    public const string PlatformAdmin = "platform-admin";

    public static readonly string[] All = [Citizen, Guest, Staff, Editor, Moderator, OrganizationAdmin, PlatformAdmin];

    /// <summary>Roles that see other people's data or speak for the town: they must use two factors.</summary>
    public static readonly string[] RequiringTwoFactor = [Staff, Editor, Moderator, OrganizationAdmin, PlatformAdmin];
}

/// <summary>Authorisation policy names used across features.</summary>
public static class Policies
{
    public const string Staff = "staff";
    public const string Editor = "editor";
    /// <summary>Settles flags and hides contributions: moderators, editors and organisation admins.</summary>
    public const string Moderator = "moderator";
    public const string OrganizationAdmin = "organization-admin";
    public const string PlatformAdmin = "platform-admin";
}
