using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Rathausplatz.Bench;
using Rathausplatz.Data;
using Rathausplatz.Features.Accounts;
using Rathausplatz.Features.Intranet.People;
using Rathausplatz.Features.Intranet.Spaces;
using Rathausplatz.Features.Intranet.Stream;
using Rathausplatz.Features.Intranet.Tasks;
using Rathausplatz.Features.Intranet.Wiki;
using Rathausplatz.Features.Organizations;

// Per provider: the real app (demo town seeded) on Kestrel on a loopback port, in this process as the browser tests
// run it; filled through EF (so the search entries are written by the app's own IntranetSearchIndexer) with S staff
// accounts with profiles and skills, N spaces (a third each open, on request, invitation only; about ten per person),
// P stream posts with comments and reactions, W wiki pages (a quarter in the knowledge base) and tasks in project
// spaces. Then one member of ten spaces signs in (password and authenticator code) and, over HTTP, one request at a
// time: (a) their own stream /intranet, (b) /intranet/suche with German queries (single words in either number,
// word starts, two words, umlaut spellings), beside /health/live as the baseline.
// Usage: dotnet IntranetBench.dll [--staff 2000] [--spaces 200] [--posts 200000] [--wiki 20000] [--queries 300]
//        [--only sqlite|postgres] [--postgres "Host=…"] [--results ../RESULTS.md] [--keep-sqlite-in FOLDER]
//        [--keep-postgres] [--log-sql]

var options = new BenchOptions(args);
var staffCount = options.Number("--staff", 2_000);
var spaceCount = options.Number("--spaces", 200);
var postCount = options.Number("--posts", 200_000);
var wikiCount = options.Number("--wiki", 20_000);
var queries = options.Number("--queries", 300);
var only = options.Text("--only");
var postgres = options.Text("--postgres") ?? Environment.GetEnvironmentVariable("RATHAUSPLATZ_BENCH_POSTGRES");
var resultsFile = options.Text("--results");
// A folder to keep the SQLite database in (for EXPLAIN QUERY PLAN afterwards) instead of a throwaway one.
var keepIn = options.Text("--keep-sqlite-in");
// Keep the PostgreSQL database (its name is printed) for EXPLAIN ANALYZE afterwards.
var keepPostgres = options.Flag("--keep-postgres");
// Print every SQL command EF runs with its duration (where a request's time goes).
var logSql = options.Flag("--log-sql");
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

var runs = new List<ProviderRun>();
if (only is null or "sqlite")
    runs.Add(await RunAsync("SQLite", DatabaseProvider.Sqlite, null));
if (only is null or "postgres" && postgres is not null)
    runs.Add(await RunAsync("PostgreSQL", DatabaseProvider.Postgres, postgres));
else if (only is null)
    Console.WriteLine("PostgreSQL skipped: set RATHAUSPLATZ_BENCH_POSTGRES or pass --postgres (bench/intranet/run starts a throwaway cluster).");

var report = Report(runs);
Console.WriteLine();
Console.WriteLine(report);
if (resultsFile is not null)
    BenchReport.WriteSection(resultsFile, "Intranet", "bench/intranet/run", report);
return;

async Task<ProviderRun> RunAsync(string name, DatabaseProvider provider, string? server)
{
    var keepFolder = provider == DatabaseProvider.Sqlite && keepIn is not null;
    var keepDatabase = keepFolder || provider == DatabaseProvider.Postgres && keepPostgres;
    var folder = keepFolder ? Directory.CreateDirectory(keepIn!) : Directory.CreateTempSubdirectory("rathausplatz-bench-intranet-");
    var settings = new Dictionary<string, string?>
    {
        ["Database:Provider"] = provider.ToString(),
        ["Database:DataFolder"] = folder.FullName,
        ["Demo:Seed"] = "true",
        ["Demo:Password"] = "Bench-Demo-2026",
        ["Web:UseHttps"] = "false",
        ["Jobs:RunWorker"] = "false",
        ["Logging:LogLevel:Default"] = "Warning",
        ["RateLimits:AccountsPerMinute"] = "1000000",
    };
    if (logSql)
        settings["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = "Information";
    if (server is not null)
        settings["Database:ConnectionString"] = new Npgsql.NpgsqlConnectionStringBuilder(server) { Database = $"rathausplatz_bench_{Guid.CreateVersion7():N}" }.ConnectionString;
    await using var app = new BenchApp(settings);
    app.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
    app.StartServer();
    var port = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()).Port;
    var baseUri = new Uri($"http://127.0.0.1:{port}");
    try
    {
        Console.WriteLine($"{name}: filling {staffCount:N0} staff, {spaceCount:N0} spaces, {postCount:N0} posts, {wikiCount:N0} wiki pages …");
        var fill = Stopwatch.StartNew();
        var town = await FillAsync(app.Services, provider);
        var fillSeconds = fill.Elapsed.TotalSeconds;
        Console.WriteLine($"{name}: filled in {fillSeconds:F0} s; measuring …");

        var client = await SignInAsync(baseUri, town.MemberEmail, town.MemberKey);
        var serial = 0;
        async Task GetAsync(string path)
        {
            using var response = await client.GetAsync(path.Contains('?') ? $"{path}&bench={++serial}" : $"{path}?bench={++serial}");
            if (response.StatusCode != HttpStatusCode.OK)
                throw new InvalidOperationException($"{path}: {(int)response.StatusCode} {response.Headers.Location}");
            await response.Content.ReadAsStringAsync();
        }
        var random = new Random(11);
        var stream = Enumerable.Range(0, queries).Select(_ => "/intranet").ToList();
        var search = Enumerable.Range(0, queries).Select(_ => "/intranet/suche?q=" + Uri.EscapeDataString(GermanWords.Query(random))).ToList();
        var health = Enumerable.Range(0, queries).Select(_ => "/health/live").ToList();
        foreach (var path in stream.Take(30).Concat(search.Take(30)).Concat(health.Take(30)))
            await GetAsync(path);
        if (logSql)
            Console.WriteLine("== measuring the stream");
        var streamTimes = await TimeAsync(stream, GetAsync);
        if (logSql)
            Console.WriteLine("== measuring the search");
        var searchTimes = await TimeAsync(search, GetAsync);
        if (logSql)
            Console.WriteLine("== measuring the baseline");
        var baseline = await TimeAsync(health, GetAsync);
        return new(name, fillSeconds, town.MemberSpaces, streamTimes, searchTimes, baseline);
    }
    finally
    {
        if (keepDatabase)
            Console.WriteLine($"{name}: database kept: {(keepFolder ? folder.FullName : settings["Database:ConnectionString"])}");
        else
        {
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<AppDb>().Database.EnsureDeletedAsync();
        }
        if (!keepFolder)
            folder.Delete(recursive: true);
    }
}

// Straight through EF into the demo town, as the app would have written it over time.
async Task<Town> FillAsync(IServiceProvider services, DatabaseProvider provider)
{
    var now = TimeProvider.System.GetUtcNow().UtcDateTime;
    var random = new Random(42);
    Guid organizationId;
    Guid staffRoleId;
    await using (var scope = services.CreateAsyncScope())
    {
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        organizationId = await db.Set<Organization>().IgnoreQueryFilters().Where(o => o.Slug == DemoSeeder.Slug).Select(o => o.Id).SingleAsync();
        staffRoleId = await db.Roles.Where(r => r.Name == Roles.Staff).Select(r => r.Id).SingleAsync();
    }
    async Task InBatchAsync(Action<AppDb> add)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Enter(organizationId);
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        add(db);
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync();
    }

    // Staff with profiles: one hash for all (few iterations; only one person signs in).
    var hash = new PasswordHasher<User>(Microsoft.Extensions.Options.Options.Create(new PasswordHasherOptions { IterationCount = 1000 }))
        .HashPassword(new User(), Bench.Password);
    var users = new List<Guid>();
    for (var start = 0; start < staffCount; start += 500)
        await InBatchAsync(db =>
        {
            for (var i = start; i < Math.Min(staffCount, start + 500); i++)
            {
                var email = $"person{i}@bench.example";
                var user = new User
                {
                    UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
                    EmailConfirmed = true, PasswordHash = hash, SecurityStamp = Guid.CreateVersion7().ToString("N"),
                    ConcurrencyStamp = Guid.CreateVersion7().ToString(), DisplayName = GermanWords.Name(random), CreatedAt = now,
                };
                db.Add(user);
                db.Add(new IdentityUserRole<Guid> { UserId = user.Id, RoleId = staffRoleId });
                db.Add(new StaffProfile { UserId = user.Id, JobTitle = GermanWords.JobTitle(random), CanHelpWith = GermanWords.Sentence(random, 6), UpdatedAt = now });
                foreach (var skill in GermanWords.Skills(random))
                    db.Add(new ProfileSkill { UserId = user.Id, Name = skill, AddedAt = now });
                users.Add(user.Id);
            }
        });
    Console.WriteLine($"  {staffCount:N0} staff");

    // Spaces, a third each open, on request and invitation only; every person in about ten, the first person in exactly ten.
    var spaces = new List<(Guid Id, SpaceKind Kind, List<Guid> Members)>();
    await InBatchAsync(db =>
    {
        for (var s = 0; s < spaceCount; s++)
        {
            var kind = (SpaceKind)(s % 3);
            var space = new Space
            {
                Kind = kind, Title = $"{GermanWords.Topic(random)} {s}", Description = GermanWords.Sentence(random, 20),
                JoinPolicy = (JoinPolicy)(s / 3 % 3), CreatedAt = now.AddDays(-800),
            };
            db.Add(space);
            spaces.Add((space.Id, kind, []));
        }
        var perSpace = Math.Max(2, staffCount * 10 / Math.Max(1, spaceCount));
        for (var s = 0; s < spaceCount; s++)
        {
            var members = spaces[s].Members;
            var first = random.Next(staffCount);
            for (var m = 0; m < perSpace && m < staffCount; m++)
                members.Add(users[(first + m * 7) % staffCount]);
            members.Remove(users[0]);
            if (s % Math.Max(1, spaceCount / 10) == 0)
                members.Add(users[0]);
            foreach (var (user, index) in members.Distinct().Select((u, i) => (u, i)))
                db.Add(new SpaceMember { SpaceId = spaces[s].Id, UserId = user, Role = index == 0 ? SpaceRole.Owner : SpaceRole.Member, JoinedAt = now.AddDays(-700) });
        }
    });
    Console.WriteLine($"  {spaceCount:N0} spaces");

    // Posts over two years, each space's from its members; a comment on every tenth, reactions on every fifth.
    const int batch = 2000;
    for (var start = 0; start < postCount; start += batch)
    {
        await InBatchAsync(db =>
        {
            for (var i = start; i < Math.Min(postCount, start + batch); i++)
            {
                var space = spaces[random.Next(spaces.Count)];
                var author = space.Members[random.Next(space.Members.Count)];
                var created = now.AddMinutes(-random.Next(60 * 24 * 730));
                var post = new StreamPost { SpaceId = space.Id, AuthorId = author, Body = GermanWords.Post(random), CreatedAt = created };
                db.Add(post);
                if (i % 10 == 0)
                    db.Add(new StreamComment { PostId = post.Id, AuthorId = space.Members[random.Next(space.Members.Count)], Body = GermanWords.Sentence(random, 12), CreatedAt = created.AddMinutes(30) });
                if (i % 5 == 0)
                    db.Add(new StreamReaction { PostId = post.Id, UserId = space.Members[random.Next(space.Members.Count)], Kind = ReactionKind.Like });
            }
        });
        if ((start + batch) % 20_000 == 0)
            Console.WriteLine($"  {start + batch:N0} posts");
    }

    // Wiki pages: a quarter in the knowledge base, the rest spread over the spaces; tasks in project spaces.
    for (var start = 0; start < wikiCount; start += batch)
        await InBatchAsync(db =>
        {
            for (var i = start; i < Math.Min(wikiCount, start + batch); i++)
            {
                Guid? space = i % 4 == 0 ? null : spaces[random.Next(spaces.Count)].Id;
                var title = $"{GermanWords.Topic(random)} {i}";
                var slug = WikiText.KeyOf(title)!;
                var updated = now.AddMinutes(-random.Next(60 * 24 * 730));
                db.Add(new WikiPage
                {
                    SpaceId = space, Title = title, Slug = slug, TitleKey = slug, Body = GermanWords.WikiBody(random),
                    Version = 1, CreatedAt = updated, UpdatedAt = updated,
                });
            }
        });
    Console.WriteLine($"  {wikiCount:N0} wiki pages");
    await InBatchAsync(db =>
    {
        foreach (var space in spaces.Where(s => s.Kind == SpaceKind.Project))
            for (var t = 0; t < 30; t++)
                db.Add(new SpaceTask
                {
                    SpaceId = space.Id, Title = GermanWords.Sentence(random, 5), Description = GermanWords.Sentence(random, 15),
                    State = (TaskState)random.Next(3), AssigneeId = space.Members[random.Next(space.Members.Count)], CreatedAt = now, UpdatedAt = now,
                });
    });

    // The measured person: two factors set up, as staff must have.
    string key;
    await using (var scope = services.CreateAsyncScope())
    {
        scope.ServiceProvider.GetRequiredService<TenantContext>().Enter(organizationId);
        var userManager = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        var member = (await userManager.FindByIdAsync(users[0].ToString()))!;
        await userManager.ResetAuthenticatorKeyAsync(member);
        await userManager.SetTwoFactorEnabledAsync(member, true);
        key = (await userManager.GetAuthenticatorKeyAsync(member))!;
        await BenchReport.RefreshStatisticsAsync(services);
    }
    return new(organizationId, "person0@bench.example", key, spaces.Count(s => s.Members.Contains(users[0])));
}

static async Task<HttpClient> SignInAsync(Uri baseUri, string email, string key)
{
    var client = new HttpClient(new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = baseUri };
    var token = Token(await client.GetStringAsync("/accounts/signin"));
    using var signedIn = await client.PostAsync("/accounts/signin", new FormUrlEncodedContent(
        [new("__RequestVerificationToken", token), new("Input.Email", email), new("Input.Password", Bench.Password)]));
    if (signedIn.Headers.Location?.OriginalString.StartsWith("/accounts/signin2fa", StringComparison.Ordinal) != true)
        throw new InvalidOperationException($"{email}: no second step after the password: {(int)signedIn.StatusCode} {signedIn.Headers.Location}");
    var second = await client.GetStringAsync(signedIn.Headers.Location.OriginalString);
    using var done = await client.PostAsync(signedIn.Headers.Location.OriginalString, new FormUrlEncodedContent(
        [new("__RequestVerificationToken", Token(second)), new("Input.Code", Totp(key))]));
    if (done.StatusCode != HttpStatusCode.Redirect || done.Headers.Location?.OriginalString.StartsWith("/accounts", StringComparison.Ordinal) == true)
        throw new InvalidOperationException($"{email} could not sign in: {(int)done.StatusCode} {done.Headers.Location}");
    return client;
}

// RFC 6238 with the authenticator defaults (SHA-1, 30 s, six digits) over the base32 key the account page shows.
static string Totp(string base32)
{
    var bits = string.Concat(base32.TrimEnd('=').ToUpperInvariant().Where(c => c != ' ')
        .Select(c => Convert.ToString("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".IndexOf(c), 2).PadLeft(5, '0')));
    var key = Enumerable.Range(0, bits.Length / 8).Select(i => Convert.ToByte(bits.Substring(i * 8, 8), 2)).ToArray();
    var counter = BitConverter.GetBytes(TimeProvider.System.GetUtcNow().ToUnixTimeSeconds() / 30);
    if (BitConverter.IsLittleEndian)
        Array.Reverse(counter);
    var mac = HMACSHA1.HashData(key, counter);
    var offset = mac[^1] & 0x0f;
    var code = ((mac[offset] & 0x7f) << 24 | mac[offset + 1] << 16 | mac[offset + 2] << 8 | mac[offset + 3]) % 1_000_000;
    return code.ToString("D6", CultureInfo.InvariantCulture);
}

static string Token(string html) =>
    Bench.TokenPattern().Match(html) is { Success: true } match ? WebUtility.HtmlDecode(match.Groups[1].Value) : throw new InvalidOperationException("No antiforgery token on the page.");

static async Task<Timings> TimeAsync<T>(IReadOnlyList<T> inputs, Func<T, Task> action)
{
    var milliseconds = new List<double>(inputs.Count);
    foreach (var input in inputs)
    {
        var watch = Stopwatch.StartNew();
        await action(input);
        milliseconds.Add(watch.Elapsed.TotalMilliseconds);
    }
    milliseconds.Sort();
    double At(double share) => milliseconds[Math.Min(milliseconds.Count - 1, (int)Math.Ceiling(share * milliseconds.Count) - 1)];
    return new(At(0.50), At(0.95), At(0.99), milliseconds[^1]);
}

string Report(List<ProviderRun> results)
{
    var machine = $"{Environment.ProcessorCount} cores ({BenchReport.CpuName()}), {Environment.OSVersion}, .NET {Environment.Version}";
    var lines = new List<string>
    {
        $"Measured {TimeProvider.System.GetUtcNow():yyyy-MM-dd HH:mm} UTC on {machine}; load average (1, 5, 15 min) at the end of the run {BenchReport.LoadAverage()}.",
        $"{staffCount:N0} staff with profiles and skills, {spaceCount:N0} spaces (a third each open, on request, invitation only), {postCount:N0} stream posts over two years (a comment on every tenth, a reaction on every fifth), {wikiCount:N0} wiki pages (a quarter in the knowledge base), 30 tasks per project space; filled through EF, so the search entries come from the app's own indexer. The app runs on Kestrel in the benchmark's process (the demo town seeded) and is asked over loopback HTTP by one member of staff (not an admin), signed in with password and authenticator code.",
        "",
        $"{queries} requests each after 30 for warm-up, one at a time, each with a fresh query parameter. (a) `/intranet`: the member's own stream, first page (20 posts with names, counts and mentions, and the page around them). (b) `/intranet/suche?q=…`: German queries — single words in either number, word starts, two words, umlaut spellings — searched with the permission rule inside the query, the page of ten results with snippets rendered.",
        "",
        "| provider | what | p50 ms | p95 ms | p99 ms | max ms | target | met |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |",
    };
    foreach (var run in results)
    {
        lines.Add(Row(run.Provider, $"**own stream** `/intranet` (member of {run.MemberSpaces} spaces)", run.Stream, 30));
        lines.Add(Row(run.Provider, "**search** `/intranet/suche?q=…`", run.Search, 50));
        lines.Add(Row(run.Provider, "baseline: `/health/live`", run.Baseline, null));
    }
    lines.Add("");
    foreach (var run in results)
        lines.Add($"- {run.Provider}: filled in {run.FillSeconds:F0} s; p95 of the stream {run.Stream.P95 / run.Baseline.P95:F1}× and of the search {run.Search.P95 / run.Baseline.P95:F1}× the baseline's.");
    return string.Join('\n', lines);

    static string Row(string provider, string what, Timings t, int? target) =>
        string.Create(CultureInfo.InvariantCulture, $"| {provider} | {what} | {t.P50:F2} | {t.P95:F2} | {t.P99:F2} | {t.Max:F2} | {(target is { } x ? $"p95 ≤ {x} ms" : "")} | {(target is { } y ? (t.P95 <= y ? "yes" : "no") : "")} |");
}

internal static partial class Bench
{
    internal const string Password = "Bench-Person-2026";

    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    internal static partial Regex TokenPattern();
}

/// <summary>
/// The app with the benchmark's settings, in Production (no developer pages, its caches and limits as deployed). The
/// factory needs a type of the app's assembly: AppDb, since this program's own top-level Program would hide the app's.
/// </summary>
internal sealed class BenchApp(Dictionary<string, string?> settings) : WebApplicationFactory<AppDb>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        foreach (var (key, value) in settings)
            builder.UseSetting(key, value);
    }
}

internal sealed record Town(Guid OrganizationId, string MemberEmail, string MemberKey, int MemberSpaces);

internal sealed record Timings(double P50, double P95, double P99, double Max);

internal sealed record ProviderRun(string Provider, double FillSeconds, int MemberSpaces, Timings Stream, Timings Search, Timings Baseline);
