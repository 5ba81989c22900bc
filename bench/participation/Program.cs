using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Rathausplatz.Bench;
using Rathausplatz.Data;
using Rathausplatz.Features.Accounts;
using Rathausplatz.Features.Organizations;
using Rathausplatz.Features.Participation.Budgets;
using Rathausplatz.Features.Participation.Processes;
using Rathausplatz.Features.Participation.Proposals;

// Per provider: the real app (demo town seeded) on Kestrel on a loopback port, in this process as the browser
// tests run it; a process "bench" filled through EF with N proposals in five districts and M supports (from 1,000
// accounts, skewed: a few proposals collect many), a voting phase and 20 budget projects. Then over HTTP:
// (a) the public process page with the list sorted by supports, filtered by a district and unfiltered, each request
// with a fresh query parameter so the output cache never answers (every request queries and renders), beside
// /health/live as the baseline; (b) V accounts sign in, open the ballot and post it all at once, 100 of them twice
// with another choice in the same burst; afterwards the ballots are counted in the database: one per person, each
// holding one of the choices that person posted, selections equal to what those choices add up to.
// Usage: dotnet ParticipationBench.dll [--proposals 20000] [--supports 200000] [--voters 500] [--queries 300]
//        [--only sqlite|postgres] [--postgres "Host=…"] [--results ../RESULTS.md]

var options = new BenchOptions(args);
var proposalCount = options.Number("--proposals", 20_000);
var supportCount = options.Number("--supports", 200_000);
var voterCount = options.Number("--voters", 500);
var queries = options.Number("--queries", 300);
var only = options.Text("--only");
var postgres = options.Text("--postgres") ?? Environment.GetEnvironmentVariable("RATHAUSPLATZ_BENCH_POSTGRES");
var resultsFile = options.Text("--results");
const int Accounts = 1000;
const int Repeats = 100;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

var runs = new List<ProviderRun>();
if (only is null or "sqlite")
    runs.Add(await RunAsync("SQLite", DatabaseProvider.Sqlite, null));
if (only is null or "postgres" && postgres is not null)
    runs.Add(await RunAsync("PostgreSQL", DatabaseProvider.Postgres, postgres));
else if (only is null)
    Console.WriteLine("PostgreSQL skipped: set RATHAUSPLATZ_BENCH_POSTGRES or pass --postgres (bench/participation/run starts a throwaway cluster).");

var report = Report(runs);
Console.WriteLine();
Console.WriteLine(report);
if (resultsFile is not null)
    BenchReport.WriteSection(resultsFile, "Participation", "bench/participation/run", report);
return;

async Task<ProviderRun> RunAsync(string name, DatabaseProvider provider, string? server)
{
    var folder = Directory.CreateTempSubdirectory("rathausplatz-bench-participation-");
    var settings = new Dictionary<string, string?>
    {
        ["Database:Provider"] = provider.ToString(),
        ["Database:DataFolder"] = folder.FullName,
        ["Demo:Seed"] = "true",
        ["Demo:Password"] = "Bench-Demo-2026",
        ["Web:UseHttps"] = "false",
        ["Jobs:RunWorker"] = "false",
        ["Logging:LogLevel:Default"] = "Warning",
        // Every request comes from 127.0.0.1: the per-address limits would stop the burst, not the app.
        ["RateLimits:AccountsPerMinute"] = "1000000",
        ["RateLimits:ParticipationPerMinute"] = "1000000",
    };
    if (server is not null)
        settings["Database:ConnectionString"] = new Npgsql.NpgsqlConnectionStringBuilder(server) { Database = $"rathausplatz_bench_{Guid.CreateVersion7():N}" }.ConnectionString;
    await using var app = new BenchApp(settings);
    app.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
    app.StartServer();
    var port = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()).Port;
    var baseUri = new Uri($"http://127.0.0.1:{port}");
    try
    {
        Console.WriteLine($"{name}: filling {proposalCount:N0} proposals, {supportCount:N0} supports, {Accounts:N0} accounts …");
        var fill = Stopwatch.StartNew();
        var town = await FillAsync(app.Services, provider);
        Console.WriteLine($"{name}: filled in {fill.Elapsed.TotalSeconds:F0} s; measuring the list …");

        using var visitor = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = baseUri };
        var serial = 0;
        async Task GetAsync(string path)
        {
            using var response = await visitor.GetAsync(path.Contains('?') ? $"{path}&bench={++serial}" : $"{path}?bench={++serial}");
            if (response.StatusCode != HttpStatusCode.OK)
                throw new InvalidOperationException($"{path}: {(int)response.StatusCode}");
            await response.Content.ReadAsStringAsync();
        }
        var random = new Random(7);
        var filtered = Enumerable.Range(0, queries).Select(_ => $"/beteiligung/bench?stadtteil={town.Districts[random.Next(town.Districts.Count)]}").ToList();
        var all = Enumerable.Range(0, queries).Select(_ => "/beteiligung/bench").ToList();
        var health = Enumerable.Range(0, queries).Select(_ => "/health/live").ToList();
        foreach (var path in filtered.Take(30).Concat(all.Take(30)).Concat(health.Take(30)))
            await GetAsync(path);
        var byDistrict = await TimeAsync(filtered, GetAsync);
        var unfiltered = await TimeAsync(all, GetAsync);
        var baseline = await TimeAsync(health, GetAsync);

        Console.WriteLine($"{name}: {voterCount} accounts sign in and open the ballot …");
        var burst = await BallotBurstAsync(app.Services, baseUri, town);
        return new(name, byDistrict, unfiltered, baseline, burst);
    }
    finally
    {
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<AppDb>().Database.EnsureDeletedAsync();
        folder.Delete(recursive: true);
    }
}

// Straight through EF into the demo town, as the app would have written it over time.
async Task<Town> FillAsync(IServiceProvider services, DatabaseProvider provider)
{
    var now = TimeProvider.System.GetUtcNow().UtcDateTime;
    var today = DateOnly.FromDateTime(now);
    Guid organizationId;
    List<(Guid Id, string Slug)> districts;
    await using (var scope = services.CreateAsyncScope())
    {
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        organizationId = await db.Set<Organization>().IgnoreQueryFilters().Where(o => o.Slug == DemoSeeder.Slug).Select(o => o.Id).SingleAsync();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Enter(organizationId);
        districts = (await db.Set<District>().OrderBy(d => d.Slug).Select(d => new { d.Id, d.Slug }).ToListAsync()).Select(d => (d.Id, d.Slug)).ToList();
    }
    // One hash for all accounts, with few iterations: signing 500 people in should measure the ballot, not PBKDF2.
    var hash = new PasswordHasher<User>(Microsoft.Extensions.Options.Options.Create(new PasswordHasherOptions { IterationCount = 1000 }))
        .HashPassword(new User(), Bench.Password);
    var users = new List<(Guid Id, string Email)>();
    var processId = Guid.CreateVersion7();
    var projects = new List<(Guid Id, long Cost)>();
    await using (var scope = services.CreateAsyncScope())
    {
        scope.ServiceProvider.GetRequiredService<TenantContext>().Enter(organizationId);
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        for (var i = 0; i < Accounts; i++)
        {
            var email = $"person{i}@bench.example";
            var user = new User
            {
                UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
                EmailConfirmed = true, PasswordHash = hash, SecurityStamp = Guid.CreateVersion7().ToString("N"),
                ConcurrencyStamp = Guid.CreateVersion7().ToString(), DisplayName = $"Person {i}", CreatedAt = now,
            };
            db.Add(user);
            users.Add((user.Id, email));
        }
        static ProcessPhase Phase(PhaseKind kind, DateOnly first, DateOnly last) =>
            new() { Kind = kind, Name = kind.ToString(), StartsAt = ProcessPhase.StartOf(first), EndsAt = ProcessPhase.StartOf(last.AddDays(1)) };
        db.Add(new ParticipationProcess
        {
            Id = processId, Slug = "bench", Title = "Benchmark", Goals = "Viele Vorschläge.", Published = true, ProposalsEnabled = true,
            BudgetEnabled = true, BudgetCents = 1_000_000_00, CreatedAt = now, UpdatedAt = now,
            Phases = [Phase(PhaseKind.Proposals, today.AddDays(-30), today.AddDays(30)), Phase(PhaseKind.Voting, today.AddDays(-1), today.AddDays(30))],
        });
        for (var p = 0; p < 20; p++)
        {
            var project = new BudgetProject { ProcessId = processId, Title = $"Projekt {p + 1}", Description = "Ein Projekt.", CostCents = (20 + p * 10) * 1000_00L, CreatedAt = now, UpdatedAt = now };
            db.Add(project);
            projects.Add((project.Id, project.CostCents));
        }
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync();
    }

    // Supports skewed as in life: weights 1/rank^0.9, then scaled to the total, each at most the number of accounts.
    var random = new Random(42);
    var weights = Enumerable.Range(1, proposalCount).Select(r => 1 / Math.Pow(r, 0.9)).ToArray();
    var scale = supportCount / weights.Sum();
    var counts = weights.Select(w => Math.Min(Accounts, (int)(w * scale))).ToArray();
    for (var missing = supportCount - counts.Sum(); missing > 0;)
    {
        var i = random.Next(proposalCount);
        if (counts[i] < Accounts) { counts[i]++; missing--; }
    }
    random.Shuffle(counts);
    const int batch = 2000;
    for (var start = 0; start < proposalCount; start += batch)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Enter(organizationId);
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        for (var i = start; i < Math.Min(proposalCount, start + batch); i++)
        {
            var created = now.AddMinutes(-random.Next(60 * 24 * 30));
            var proposal = new Proposal
            {
                ProcessId = processId, AuthorId = users[random.Next(Accounts)].Id, Title = $"Vorschlag {i}: mehr Bäume und Bänke",
                Body = "Große Bäume an den Rändern des Platzes würden Schatten spenden.", CreatedAt = created,
                DistrictId = random.Next(10) == 0 ? null : districts[random.Next(districts.Count)].Id, SupportCount = counts[i],
            };
            db.Add(proposal);
            var first = random.Next(Accounts);
            for (var s = 0; s < counts[i]; s++)
                db.Add(new ProposalSupport { ProposalId = proposal.Id, UserId = users[(first + s) % Accounts].Id, CreatedAt = created.AddMinutes(s) });
        }
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync();
        if ((start + batch) % 10_000 == 0)
            Console.WriteLine($"  {start + batch:N0} proposals");
    }
    await BenchReport.RefreshStatisticsAsync(services);
    return new(organizationId, processId, districts.Select(d => d.Slug).ToList(), users, projects);
}

async Task<Burst> BallotBurstAsync(IServiceProvider services, Uri baseUri, Town town)
{
    var random = new Random(3);
    var voters = town.Users.Take(voterCount).ToList();
    var sessions = new ConcurrentDictionary<Guid, (HttpClient Client, string Token)>();
    using (var gate = new SemaphoreSlim(4))
        await Task.WhenAll(voters.Select(async voter =>
        {
            await gate.WaitAsync();
            try { sessions[voter.Id] = await SignInAsync(baseUri, voter.Email); }
            finally { gate.Release(); }
        }));

    // Each person's choice within the budget; 100 of them post a second, different choice in the same burst.
    List<Guid> Choose()
    {
        var left = 1_000_000_00L;
        return town.Projects.OrderBy(_ => random.Next()).Where(p => (left -= p.Cost) >= 0 || (left += p.Cost) < 0).Take(1 + random.Next(6)).Select(p => p.Id).ToList();
    }
    var posts = voters.Select(v => (v.Id, Choice: Choose())).ToList();
    posts.AddRange(voters.Take(Repeats).Select(v => (v.Id, Choice: Choose())));
    var choices = posts.GroupBy(p => p.Id).ToDictionary(g => g.Key, g => g.Select(p => p.Choice.Order().ToList()).ToList());

    var statuses = new ConcurrentDictionary<int, int>();
    var latencies = new ConcurrentBag<double>();
    var wall = Stopwatch.StartNew();
    await Task.WhenAll(posts.Select(async post =>
    {
        var (client, token) = sessions[post.Id];
        var fields = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", token), new("stadtteil", town.Districts[0]) };
        fields.AddRange(post.Choice.Select(id => new KeyValuePair<string, string>("projekte", id.ToString())));
        var watch = Stopwatch.StartNew();
        using var response = await client.PostAsync("/beteiligung/bench/haushalt", new FormUrlEncodedContent(fields));
        latencies.Add(watch.Elapsed.TotalMilliseconds);
        statuses.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
    }));
    var burstSeconds = wall.Elapsed.TotalSeconds;

    // The baseline: as many requests at once to /health/live, each of the same clients.
    var baselineWall = Stopwatch.StartNew();
    await Task.WhenAll(posts.Select(async post => { using var _ = await sessions[post.Id].Client.GetAsync("/health/live"); }));
    var baselineSeconds = baselineWall.Elapsed.TotalSeconds;
    foreach (var (client, _) in sessions.Values)
        client.Dispose();

    await using var scope = services.CreateAsyncScope();
    scope.ServiceProvider.GetRequiredService<TenantContext>().Enter(town.OrganizationId);
    var db = scope.ServiceProvider.GetRequiredService<AppDb>();
    var ballots = await db.Set<BudgetBallot>().AsNoTracking().Where(b => b.ProcessId == town.ProcessId).Select(b => new { b.Id, b.UserId }).ToListAsync();
    var selections = (await db.Set<BallotSelection>().AsNoTracking().Select(s => new { s.BallotId, s.ProjectId }).ToListAsync())
        .GroupBy(s => s.BallotId).ToDictionary(g => g.Key, g => g.Select(s => s.ProjectId).Order().ToList());
    var perPerson = ballots.GroupBy(b => b.UserId).ToDictionary(g => g.Key, g => g.Count());
    var lost = voters.Count(v => !perPerson.ContainsKey(v.Id));
    var twice = perPerson.Values.Count(n => n > 1);
    var foreign = ballots.Count(b => !choices[b.UserId].Any(c => c.SequenceEqual(selections.GetValueOrDefault(b.Id) ?? [])));
    var votes = await db.Set<BallotSelection>().CountAsync(s => db.Set<BudgetBallot>().Any(b => b.Id == s.BallotId && b.ProcessId == town.ProcessId));
    var expectedVotes = ballots.Sum(b => selections.GetValueOrDefault(b.Id)?.Count ?? 0);
    var sorted = latencies.Order().ToList();
    double At(double share) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(share * sorted.Count) - 1)];
    return new(posts.Count, voters.Count, burstSeconds, At(0.5), At(0.95), sorted[^1], baselineSeconds,
        string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Value}× {s.Key}")), ballots.Count, lost, twice, foreign, votes, expectedVotes);
}

static async Task<(HttpClient Client, string Token)> SignInAsync(Uri baseUri, string email)
{
    var client = new HttpClient(new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
    {
        BaseAddress = baseUri, Timeout = TimeSpan.FromMinutes(5),
    };
    var token = Token(await client.GetStringAsync("/accounts/signin"));
    using var signedIn = await client.PostAsync("/accounts/signin", new FormUrlEncodedContent(
        [new("__RequestVerificationToken", token), new("Input.Email", email), new("Input.Password", Bench.Password)]));
    if (signedIn.StatusCode != HttpStatusCode.Redirect || signedIn.Headers.Location?.OriginalString.StartsWith("/accounts", StringComparison.Ordinal) == true)
        throw new InvalidOperationException($"{email} could not sign in: {(int)signedIn.StatusCode} {signedIn.Headers.Location}");
    // The token belongs to the signed-in person: take it from the ballot as their browser would.
    return (client, Token(await client.GetStringAsync("/beteiligung/bench/haushalt")));
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
        $"One process with {proposalCount:N0} proposals (five districts, a tenth without) and {supportCount:N0} supports from {Accounts:N0} accounts, skewed (weight 1/rank^0.9). The app runs on Kestrel in the benchmark's process (the demo town seeded) and is asked over loopback HTTP.",
        "",
        $"**(a) The public process page with its proposal list** (20 per page, sorted by supports), {queries} requests each after 30 for warm-up, one at a time; each carries a fresh query parameter, so the output cache never answers: every request queries and renders the whole page.",
        "",
        "| provider | what | p50 ms | p95 ms | p99 ms | max ms | p95 ≤ 30 ms |",
        "| --- | --- | ---: | ---: | ---: | ---: | --- |",
    };
    foreach (var run in results)
    {
        lines.Add(Row(run.Provider, "**list by supports, one district** (`?stadtteil=…`)", run.ByDistrict, true));
        lines.Add(Row(run.Provider, "list by supports, all districts", run.All, true));
        lines.Add(Row(run.Provider, "baseline: `/health/live`", run.Baseline, false));
    }
    lines.Add("");
    lines.Add($"**(b) {voterCount} budget ballots at once over HTTP**: {voterCount} signed-in accounts post their ballot in one burst, {Repeats} of them a second, different one in the same burst (double click, second tab); then the database is counted. Baseline: as many GET `/health/live` at once.");
    lines.Add("");
    lines.Add("| provider | posts | wall s | p50 ms | p95 ms | max ms | answers | baseline wall s | ballots | lost | twice | holding a choice never posted | selection rows = sum of ballots |");
    lines.Add("| --- | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | --- |");
    foreach (var run in results)
    {
        var b = run.Burst;
        lines.Add(string.Create(CultureInfo.InvariantCulture,
            $"| {run.Provider} | {b.Posts} | {b.Seconds:F2} | {b.P50:F0} | {b.P95:F0} | {b.Max:F0} | {b.Statuses} | {b.BaselineSeconds:F2} | {b.Ballots} of {b.Voters} | {b.Lost} | {b.Twice} | {b.Foreign} | {(b.Votes == b.ExpectedVotes ? "yes" : "no")} ({b.Votes}) |"));
    }
    lines.Add("");
    foreach (var run in results)
        lines.Add($"- {run.Provider}: p95 of the district list {run.ByDistrict.P95 / run.Baseline.P95:F1}× the baseline's; the burst took {run.Burst.Seconds / run.Burst.BaselineSeconds:F1}× the baseline burst's wall time.");
    return string.Join('\n', lines);

    static string Row(string provider, string what, Timings t, bool target) =>
        string.Create(CultureInfo.InvariantCulture, $"| {provider} | {what} | {t.P50:F2} | {t.P95:F2} | {t.P99:F2} | {t.Max:F2} | {(target ? (t.P95 <= 30 ? "yes" : "no") : "")} |");
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

internal sealed record Town(Guid OrganizationId, Guid ProcessId, List<string> Districts, List<(Guid Id, string Email)> Users, List<(Guid Id, long Cost)> Projects);

internal sealed record Timings(double P50, double P95, double P99, double Max);

internal sealed record Burst(int Posts, int Voters, double Seconds, double P50, double P95, double Max, double BaselineSeconds, string Statuses,
    int Ballots, int Lost, int Twice, int Foreign, int Votes, int ExpectedVotes);

internal sealed record ProviderRun(string Provider, Timings ByDistrict, Timings All, Timings Baseline, Burst Burst);
