namespace Rathausplatz.Features.Accounts.SingleSignOn;

/// <summary>
/// Which of the provider's groups give which staff role here, configured per organisation under
/// <c>SingleSignOn:Organizations:&lt;slug&gt;:Roles:&lt;role&gt;</c> (a list of group names). The roles named there
/// are the provider's to decide: every sign-in from it sets them to what the groups say, adding and taking
/// away. Roles named nowhere stay with the organisation's admins.
/// </summary>
public sealed class GroupRoles(IReadOnlyDictionary<string, IReadOnlySet<string>> groupsOfRole)
{
    /// <summary>The claim type under which the provider's groups reach the sign-in, whatever the provider calls them.</summary>
    public const string GroupClaim = "rp:idp-group";

    /// <summary>
    /// Staff roles only. Platform admins run the whole installation, so no organisation's provider may make
    /// one; citizen and guest are no staff roles.
    /// </summary>
    public static readonly string[] Mappable = [Roles.Staff, Roles.Editor, Roles.Moderator, Roles.OrganizationAdmin];

    public static readonly GroupRoles None = new(new Dictionary<string, IReadOnlySet<string>>());

    /// <summary>The roles the mapping decides (the configured ones, whether the person is in their groups or not).</summary>
    public IEnumerable<string> Managed => groupsOfRole.Keys;

    /// <summary>The managed roles that <paramref name="groups"/> give; group names match exactly (case included).</summary>
    public IEnumerable<string> GivenBy(IReadOnlyCollection<string> groups) =>
        groupsOfRole.Where(r => groups.Any(r.Value.Contains)).Select(r => r.Key);

    /// <summary>Reads one organisation's <c>Roles</c> section; a role that may not or cannot be mapped stops the start.</summary>
    public static GroupRoles Read(IConfigurationSection organization)
    {
        var byRole = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        foreach (var section in organization.GetSection("Roles").GetChildren())
        {
            if (string.Equals(section.Key, Roles.PlatformAdmin, StringComparison.OrdinalIgnoreCase))
                throw new InvalidOperationException($"{section.Path}: the role \"{Roles.PlatformAdmin}\" is never given through the identity provider's groups; " +
                    "platform admins are named by hand by another platform admin. Remove this setting.");
            var role = Array.Find(Mappable, r => string.Equals(r, section.Key, StringComparison.OrdinalIgnoreCase))
                ?? throw new InvalidOperationException($"{section.Path}: \"{section.Key}\" is no role the identity provider's groups can give. " +
                    $"Roles that can be mapped: {string.Join(", ", Mappable)}.");
            // A list in JSON (Roles:editor:0, :1, …) or a single name (an environment variable).
            // (Some configuration sources give the list's own key an empty value, so the children decide.)
            var list = section.GetChildren().Select(c => c.Value).ToList();
            var groups = list.Count > 0 ? list : [section.Value];
            byRole[role] = groups.Where(g => !string.IsNullOrWhiteSpace(g)).Select(g => g!.Trim()).ToHashSet(StringComparer.Ordinal);
        }
        return new GroupRoles(byRole);
    }
}
