using Rathausplatz.Tests.Support;

namespace Rathausplatz.Tests.Features.Accounts;

/// <summary>
/// The account life cycle leaves no personal data in the logs (DSGVO: logs are kept, shipped and
/// read by operators): no address, no name, no password, at any level from Debug up.
/// </summary>
public abstract class PersonalDataInLogsTests(RathausplatzApp app)
{
    [Fact]
    public async Task SignUpSignInAndPasswordResetLogNoAddressNameOrPassword()
    {
        var organization = await app.CreateOrganizationAsync();
        var email = Unique.Name("datenschutz") + "@example.org";
        var name = "Dora " + Unique.Name("Datensparsam");
        const string password = "Mein-geheimes-Passwort-2026";
        const string newPassword = "Mein-neues-geheimes-Passwort-2026";
        var client = app.CreateClient(organization);

        List<LogEntry> entries;
        using (var recording = app.Logs.Record())
        {
            var register = await client.GetPageAsync("/accounts/register");
            using var registered = await register.Form("main form")
                .Set("Input.DisplayName", name).Set("Input.Email", email)
                .Set("Input.Password", password).Set("Input.ConfirmPassword", password)
                .Set("Input.AcceptPrivacy", "true").SubmitAsync(client);
            await app.RunJobsUntilIdleAsync();
            using var confirmed = await client.GetAsync(app.Mail.MessagesTo(email).Single().Link());
            using var wrong = await client.SubmitSignInAsync(email, password + "-falsch");
            using var signedIn = await client.SubmitSignInAsync(email, password);
            using var signedOut = await client.SignOutAsync();
            var forgot = await client.GetPageAsync("/accounts/forgotpassword");
            using var requested = await forgot.Form("main form").Set("Input.Email", email).SubmitAsync(client);
            await app.RunJobsUntilIdleAsync();
            var reset = await client.GetPageAsync(app.Mail.MessagesTo(email).Last().Link().PathAndQuery);
            using var saved = await reset.Form("main form").Set("Input.Password", newPassword).Set("Input.ConfirmPassword", newPassword).SubmitAsync(client);
            using var again = await client.SubmitSignInAsync(email, newPassword);
            Assert.Equal("/", again.RedirectTarget()); // the journey really went through
            entries = [.. recording.Entries];
        }

        // The recording saw the whole journey (the framework logs each request's path), so silence is not the reason it is clean.
        Assert.Contains(entries, e => e.Message.Contains("/accounts/register") && e.Message.Contains(organization.Host));
        Assert.Contains(entries, e => e.Message.Contains("/accounts/resetpassword"));
        var secrets = new[] { email, email.Split('@')[0], name, password, newPassword };
        var leaks = entries.Where(e => secrets.Any(s => e.Message.Contains(s, StringComparison.OrdinalIgnoreCase)))
            .Select(e => $"{e.Level} {e.Category}: {e.Message}")
            .ToList();
        Assert.Empty(leaks);
    }
}

public sealed class SqlitePersonalDataInLogsTests(SqliteApp app) : PersonalDataInLogsTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresPersonalDataInLogsTests(PostgresApp app) : PersonalDataInLogsTests(app), IClassFixture<PostgresApp>;
