using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Rathausplatz.Data;
using Rathausplatz.Features.Accounts;

namespace Rathausplatz.Features.Organizations;

/// <summary>
/// On a fresh install with <c>Demo:Seed</c> on (the development default) creates "Musterstadt" at
/// localhost with districts, topics and one account per role, and prints how to sign in.
/// </summary>
public static class DemoSeeder
{
    public const string Slug = "musterstadt";

    public static readonly (string Email, string Name, string Role)[] Accounts =
    [
        ("buerger@musterstadt.example", "Bea Bürger", Roles.Citizen),
        ("gast@musterstadt.example", "Gerd Gast", Roles.Guest),
        ("mitarbeit@musterstadt.example", "Mia Mitarbeit", Roles.Staff),
        ("redaktion@musterstadt.example", "Rudi Redaktion", Roles.Editor),
        ("moderation@musterstadt.example", "Mona Moderation", Roles.Moderator),
        ("verwaltung@musterstadt.example", "Anna Admin", Roles.OrganizationAdmin),
        ("plattform@musterstadt.example", "Paul Plattform", Roles.PlatformAdmin),
    ];

    public static async Task SeedDemoAsync(this WebApplication app)
    {
        var demo = app.Configuration.GetSection("Demo");
        if (!demo.GetValue("Seed", false))
            return;
        var password = demo["Password"] ?? throw new InvalidOperationException("Demo:Password is required when Demo:Seed is on.");

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDb>();
            var org = await db.Set<Organization>().SingleOrDefaultAsync(o => o.Slug == Slug);
            if (org is null)
            {
                org = await CreateOrganizationAsync(db, scope.ServiceProvider.GetRequiredService<TimeProvider>());
                scope.ServiceProvider.GetRequiredService<TenantContext>().Enter(org.Id);
                await CreateAccountsAsync(scope.ServiceProvider.GetRequiredService<UserManager<User>>(), password,
                    scope.ServiceProvider.GetRequiredService<TimeProvider>());
                await Newsroom.DemoPosts.SeedAsync(db, scope.ServiceProvider.GetRequiredService<TimeProvider>());
                await Reports.DemoReports.SeedAsync(db, scope.ServiceProvider.GetRequiredService<TimeProvider>());
                await Participation.DemoParticipation.SeedAsync(db, scope.ServiceProvider.GetRequiredService<TimeProvider>());
                await Intranet.DemoIntranet.SeedAsync(db, scope.ServiceProvider.GetRequiredService<TimeProvider>());
            }
        }

        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var url = addresses.Select(a => a.Replace("://[::]", "://localhost").Replace("://0.0.0.0", "://localhost").Replace("://127.0.0.1", "://localhost"))
                .FirstOrDefault() ?? "http://localhost:5080";
            Console.WriteLine();
            Console.WriteLine($"  Rathausplatz – Musterstadt läuft unter {url}");
            Console.WriteLine($"  Demo-Anmeldungen (Passwort für alle: {password}):");
            foreach (var (email, _, role) in Accounts)
                Console.WriteLine($"    {role,-20} {email}");
            Console.WriteLine("  Rollen ab 'staff' richten beim ersten Anmelden die Zwei-Faktor-Anmeldung ein.");
            Console.WriteLine();
        });
    }

    private static async Task<Organization> CreateOrganizationAsync(AppDb db, TimeProvider time)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var org = new Organization
        {
            Name = "Musterstadt",
            Slug = Slug,
            ContactEmail = "rathaus@musterstadt.example",
            ContactPhone = "+49 1234 5678-0",
            ContactAddress = "Rathausplatz 1, 12345 Musterstadt",
            Imprint = "**Herausgeberin**\n\nStadt Musterstadt, vertreten durch die Bürgermeisterin\n\nRathausplatz 1, 12345 Musterstadt\n\nTelefon: +49 1234 5678-0 · E-Mail: [rathaus@musterstadt.example](mailto:rathaus@musterstadt.example)",
            PrivacyPolicy = "Verantwortlich ist die Stadt Musterstadt. Wir verarbeiten personenbezogene Daten nur, soweit es für die jeweiligen Dienste nötig ist (Art. 6 Abs. 1 lit. e DSGVO). Wir setzen keine Tracker und keine Inhalte Dritter ein.",
            AccessibilityStatement = "Die Stadt Musterstadt ist bemüht, ihre Website im Einklang mit der BITV 2.0 barrierefrei zugänglich zu machen. Barrieren melden Sie bitte an [rathaus@musterstadt.example](mailto:rathaus@musterstadt.example).",
            Netiquette = "Bleiben Sie sachlich und freundlich. Beleidigungen, Diskriminierung und Werbung werden entfernt.",
            CreatedAt = now,
            UpdatedAt = now,
        };
        org.Hosts.Add(new OrganizationHost { HostName = "localhost" });
        org.Hosts.Add(new OrganizationHost { HostName = "127.0.0.1" });
        db.Add(org);

        foreach (var (name, slug, west, south) in new[]
        {
            ("Altstadt", "altstadt", 10.000, 51.000), ("Nordstadt", "nordstadt", 10.000, 51.010),
            ("Südstadt", "suedstadt", 10.000, 50.990), ("Oststadt", "oststadt", 10.015, 51.000),
            ("Weststadt", "weststadt", 9.985, 51.000),
        })
        {
            db.Add(new District { OrganizationId = org.Id, Name = name, Slug = slug, BoundaryGeoJson = Square(west, south, 0.015, 0.010) });
        }
        foreach (var (name, slug) in new[] { ("Verkehr", "verkehr"), ("Umwelt", "umwelt"), ("Kultur", "kultur"), ("Bauen", "bauen"), ("Soziales", "soziales"), ("Wirtschaft", "wirtschaft") })
            db.Add(new Topic { OrganizationId = org.Id, Name = name, Slug = slug });

        await db.SaveChangesAsync();
        return org;
    }

    private static async Task CreateAccountsAsync(UserManager<User> users, string password, TimeProvider time)
    {
        foreach (var (email, name, role) in Accounts)
        {
            var user = new User { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, CreatedAt = time.GetUtcNow().UtcDateTime };
            var created = await users.CreateAsync(user, password);
            if (!created.Succeeded)
                throw new InvalidOperationException(string.Join(" ", created.Errors.Select(e => e.Description)));
            await users.AddToRoleAsync(user, role);
        }
    }

    private static string Square(double west, double south, double width, double height) =>
        FormattableString.Invariant($$"""{"type":"Polygon","coordinates":[[[{{west}},{{south}}],[{{west + width}},{{south}}],[{{west + width}},{{south + height}}],[{{west}},{{south + height}}],[{{west}},{{south}}]]]}""");
}
