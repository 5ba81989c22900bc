using System.Security.Cryptography;
using Rathausplatz.Data;
using Rathausplatz.Features.Accounts;

namespace Rathausplatz.Features.Organizations;

/// <summary>
/// The operator's first step on a production install, from the shell:
/// <c>Rathausplatz setup --name "Stadt X" --slug x --host beteiligung.x.de --admin it@x.de</c>
/// creates the organisation and a platform-admin account with a one-time password printed once.
/// </summary>
public static class SetupCommand
{
    /// <summary>True when the arguments asked for a command (the app then exits instead of serving).</summary>
    public static async Task<bool> RunCommandAsync(this WebApplication app, string[] args)
    {
        if (args.Length == 0 || args[0] != "setup")
            return false;
        var options = Options(args);
        if (!options.TryGetValue("name", out var name) || !options.TryGetValue("slug", out var slug)
            || !options.TryGetValue("host", out var host) || !options.TryGetValue("admin", out var adminEmail))
        {
            Console.Error.WriteLine("usage: Rathausplatz setup --name NAME --slug SLUG --host HOST --admin EMAIL");
            Environment.ExitCode = 2;
            return true;
        }

        await using var scope = app.Services.CreateAsyncScope();
        var (organization, problem) = await scope.ServiceProvider.GetRequiredService<ManageOrganizations>().CreateAsync(name, slug, host, CancellationToken.None);
        if (organization is null)
        {
            Console.Error.WriteLine(problem);
            Environment.ExitCode = 1;
            return true;
        }
        scope.ServiceProvider.GetRequiredService<TenantContext>().Enter(organization.Id);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        var password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(18));
        var admin = new User
        {
            UserName = adminEmail,
            Email = adminEmail,
            EmailConfirmed = true,
            DisplayName = adminEmail,
            CreatedAt = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime,
        };
        var created = await users.CreateAsync(admin, password);
        if (!created.Succeeded)
        {
            Console.Error.WriteLine(string.Join(" ", created.Errors.Select(e => e.Description)));
            Environment.ExitCode = 1;
            return true;
        }
        await users.AddToRolesAsync(admin, [Roles.PlatformAdmin, Roles.OrganizationAdmin]);
        Console.WriteLine($"Created {organization.Name} at https://{host}/");
        Console.WriteLine($"Sign in as {adminEmail} with the one-time password {password}");
        Console.WriteLine("then change it under 'Mein Konto'; two-factor sign-in is set up at the first sign-in.");
        return true;
    }

    private static Dictionary<string, string> Options(string[] args)
    {
        var options = new Dictionary<string, string>();
        for (var i = 1; i + 1 < args.Length; i += 2)
            if (args[i].StartsWith("--"))
                options[args[i][2..]] = args[i + 1];
        return options;
    }
}
