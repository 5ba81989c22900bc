using System.Net;
using System.Text.RegularExpressions;
using Rathausplatz.Features.Accounts;
using Rathausplatz.Tests.Support;

namespace Rathausplatz.Tests.Features.Organizations;

/// <summary>
/// <c>Rathausplatz setup --name --slug --host --admin</c>, run as the operator runs it: the built
/// app in its own process against the same database as the app under test, which then serves the
/// new municipality and lets its platform admin sign in with the printed one-time password.
/// </summary>
public abstract partial class SetupCommandTests(RathausplatzApp app)
{
    [Fact]
    public async Task SetupCreatesTheMunicipalityAndAnAdminWhoSignsInWithTheOneTimePassword()
    {
        var slug = Unique.Name("setup");
        var host = $"{slug}.rathausplatz.test";
        var admin = Unique.Name("it") + "@setup.example";

        var (exitCode, output, errors) = await app.RunCommandLineAsync("setup", "--name", "Stadt Setupheim", "--slug", slug, "--host", host, "--admin", admin);
        var password = OneTimePassword().Match(output).Groups[1].Value;
        var home = await app.CreateClient(host).GetPageAsync("/");
        var client = app.CreateClient(host);
        using var signedIn = await client.SubmitSignInAsync(admin, password);
        using var adminPage = await client.GetAsync("/admin");

        Assert.True(exitCode == 0, $"exit code {exitCode}: {errors}");
        Assert.Contains($"Created Stadt Setupheim at https://{host}/", output);
        Assert.Contains("Stadt Setupheim", home.Title);
        Assert.Equal("/", signedIn.RedirectTarget());
        Assert.Equal("/accounts/twofactor?required=true", adminPage.RedirectTarget(), ignoreCase: true); // two factors first
        var organization = await app.FindOrganizationAsync(host);
        Assert.Equal(("Stadt Setupheim", slug), (organization!.Name, organization.Slug));
        var account = await app.FindAccountAsync(organization, admin);
        Assert.Equal([Roles.OrganizationAdmin, Roles.PlatformAdmin], account!.Roles.Order());
        Assert.True(account.EmailConfirmed);
    }

    [Fact]
    public async Task SetupWithATakenSlugFailsWithExitCode1AndChangesNothing()
    {
        var existing = await app.CreateOrganizationAsync();
        var host = $"{Unique.Name("setup")}.rathausplatz.test";

        var (exitCode, _, errors) = await app.RunCommandLineAsync("setup", "--name", "Doppelt", "--slug", existing.Slug, "--host", host, "--admin", "it@doppelt.example");
        using var atHost = await app.CreateClient(host).GetAsync("/");

        Assert.Equal(1, exitCode);
        Assert.Contains("Diese Kurzbezeichnung ist schon vergeben.", errors);
        Assert.Equal(HttpStatusCode.NotFound, atHost.StatusCode);
        Assert.Null(await app.FindOrganizationAsync(host));
    }

    [Fact]
    public async Task SetupWithoutAllOptionsPrintsItsUsageAndExitsWith2()
    {
        var (exitCode, _, errors) = await app.RunCommandLineAsync("setup", "--name", "Unvollständig");

        Assert.Equal(2, exitCode);
        Assert.Contains("usage: Rathausplatz setup --name NAME --slug SLUG --host HOST --admin EMAIL", errors);
    }

    [GeneratedRegex("one-time password (\\S+)")]
    private static partial Regex OneTimePassword();
}

public sealed class SqliteSetupCommandTests(SqliteApp app) : SetupCommandTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresSetupCommandTests(PostgresApp app) : SetupCommandTests(app), IClassFixture<PostgresApp>;
