using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Rathausplatz.Features.Accounts;
using Rathausplatz.Features.Accounts.SingleSignOn;

namespace Rathausplatz.Tests.Features.Accounts.SignIn;

/// <summary>
/// The mapping of the provider's groups to roles is read at start-up (<see cref="SingleSignOnSetup.AddSingleSignOn"/>):
/// a role it may not or cannot give stops the start with a message naming the setting. No database involved.
/// </summary>
public sealed class GroupRolesConfigurationTests
{
    private const string Organization = "SingleSignOn:Organizations:musterstadt";

    [Fact]
    public void AMappingToPlatformAdminStopsTheStart()
    {
        var refused = Assert.Throws<InvalidOperationException>(() => Start($"{Organization}:Roles:{Roles.PlatformAdmin}:0", "/it"));

        Assert.Contains($"{Organization}:Roles:{Roles.PlatformAdmin}", refused.Message);
        Assert.Contains("never given through the identity provider's groups", refused.Message);
    }

    [Theory]
    [InlineData("redakteur")]
    [InlineData(Roles.Citizen)]
    [InlineData(Roles.Guest)]
    public void AMappingToARoleThatIsNoStaffRoleStopsTheStart(string role)
    {
        var refused = Assert.Throws<InvalidOperationException>(() => Start($"{Organization}:Roles:{role}:0", "/redaktion"));

        Assert.Contains($"{Organization}:Roles:{role}", refused.Message);
        Assert.Contains("Roles that can be mapped: staff, editor, moderator, organization-admin", refused.Message);
    }

    [Fact]
    public void AnEmptyGroupsClaimStopsTheStart() =>
        Assert.Contains($"{Organization}:GroupsClaim is empty",
            Assert.Throws<InvalidOperationException>(() => Start($"{Organization}:GroupsClaim", " ")).Message);

    [Fact]
    public void RolesAreReadAsListsOrSingleNamesInAnyCase()
    {
        var settings = IdentityProviders.Read(Configuration(
            new($"{Organization}:Roles:Editor:0", "/redaktion"),
            new($"{Organization}:Roles:Editor:1", "/presse"),
            new($"{Organization}:Roles:moderator", "/moderation")));

        var mapping = settings["musterstadt"].GroupRoles;
        Assert.Equal([Roles.Editor, Roles.Moderator], mapping.Managed.Order());
        Assert.Equal([Roles.Editor], mapping.GivenBy(["/presse"]));
        Assert.Equal([Roles.Moderator], mapping.GivenBy(["/moderation", "/andere"]));
        Assert.Empty(mapping.GivenBy(["/Presse", "presse"]));
    }

    private static void Start(string key, string value)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.AddInMemoryCollection([
            new($"{Organization}:Authority", "https://login.musterstadt.example/realms/verwaltung"),
            new($"{Organization}:ClientId", "rathausplatz"),
            new(key, value)]);
        builder.AddSingleSignOn();
    }

    private static IConfiguration Configuration(params KeyValuePair<string, string?>[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
}
