using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rathausplatz.Bench;
using Rathausplatz.Bench.Search;
using Rathausplatz.Data;
using Rathausplatz.Features.Newsroom;
using Rathausplatz.Features.Newsroom.Public;
using Rathausplatz.Features.Newsroom.Search;
using Rathausplatz.Features.Organizations;

// Fills N published posts into a fresh database of each provider, then times the search the page
// runs (SearchPosts, a new DI scope and DbContext per query, as per request) beside two baselines in
// the same run: a post by primary key, and the newest-posts list of /aktuelles.
// Usage: dotnet run -c Release -- [--posts 100000] [--queries 500] [--postgres "Host=…"] [--results ../RESULTS.md]

var options = new BenchOptions(args);
var posts = options.Number("--posts", 100_000);
var queries = options.Number("--queries", 500);
var postgres = options.Text("--postgres") ?? Environment.GetEnvironmentVariable("RATHAUSPLATZ_BENCH_POSTGRES");
var resultsFile = options.Text("--results");
// --keep: leave the filled databases behind (their names are printed) to study plans by hand.
var keep = args.Contains("--keep");
// --only sqlite|postgres: measure one provider.
var only = options.Text("--only")?.ToLowerInvariant();
// --reuse-sqlite FOLDER / --reuse-postgres DATABASE: measure a database kept by an earlier run (migrated
// to the current schema first) instead of filling a new one; --print-queries shows what is asked.
var reuseSqlite = options.Text("--reuse-sqlite");
var reusePostgres = options.Text("--reuse-postgres");
var printQueries = args.Contains("--print-queries");
// --log-sql: print every SQL command EF runs with its duration (studying where a query's time goes).
var logSql = args.Contains("--log-sql");
// German pages (the search prefers the reader's language), figures in the report with decimal points.
CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("de-DE");
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

var runs = new List<ProviderRun>();
if (only is null or "sqlite")
    runs.Add(await RunAsync("SQLite", DatabaseProvider.Sqlite, null));
if (only == "sqlite")
{
}
else if (postgres is not null)
    runs.Add(await RunAsync("PostgreSQL", DatabaseProvider.Postgres, postgres));
else
    Console.WriteLine("PostgreSQL skipped: set RATHAUSPLATZ_BENCH_POSTGRES or pass --postgres (bench/search/run starts a throwaway cluster).");

var report = Report(runs);
Console.WriteLine();
Console.WriteLine(report);
if (resultsFile is not null)
    BenchReport.WriteSection(resultsFile, "Search", "bench/search/run", report);
return;

async Task<ProviderRun> RunAsync(string name, DatabaseProvider provider, string? connectionString)
{
    var reuse = provider == DatabaseProvider.Sqlite ? reuseSqlite : reusePostgres;
    var folder = reuse is not null && provider == DatabaseProvider.Sqlite ? new DirectoryInfo(reuse) : Directory.CreateTempSubdirectory("rathausplatz-bench-search-");
    var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production", ContentRootPath = folder.FullName });
    builder.Logging.ClearProviders();
    if (logSql)
        builder.Logging.AddSimpleConsole().AddFilter((category, level) => category == DbLoggerCategory.Database.Command.Name && level >= LogLevel.Information);
    builder.Configuration["Database:Provider"] = provider.ToString();
    builder.Configuration["Database:DataFolder"] = folder.FullName;
    if (connectionString is not null)
        builder.Configuration["Database:ConnectionString"] = new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { Database = reuse ?? $"rathausplatz_bench_{Guid.CreateVersion7():N}" }.ConnectionString;
    builder.Services.AddSingleton(TimeProvider.System);
    // Identity's store options shape the model; without the app's, the migrations would not match it.
    builder.Services.Configure<Microsoft.AspNetCore.Identity.IdentityOptions>(o => Rathausplatz.Features.Accounts.AccountsSetup.ConfigureStores(o.Stores));
    builder.AddData();
    builder.AddNewsroom();
    await using var app = builder.Build();
    await app.Services.MigrateDatabaseAsync();
    try
    {
        Guid organization;
        List<Guid> ids;
        if (reuse is null)
        {
            Console.WriteLine($"{name}: filling {posts:N0} posts …");
            var fill = Stopwatch.StartNew();
            (organization, ids) = await FillAsync(app.Services);
            Console.WriteLine($"{name}: filled in {fill.Elapsed.TotalSeconds:F0} s; measuring …");
        }
        else
            (organization, ids) = await ExistingAsync(app.Services);
        await BenchReport.RefreshStatisticsAsync(app.Services);

        var text = new GermanText(seed: 7);
        var terms = Enumerable.Range(0, queries).Select(_ => text.Query()).ToList();
        var random = new Random(11);
        var sampleIds = Enumerable.Range(0, queries).Select(_ => ids[random.Next(ids.Count)]).ToList();
        var found = new List<int>();
        if (printQueries)
            foreach (var term in terms)
                Console.WriteLine($"{term}\t{SearchQuery.Parse(term).ForPostgres()}\t{SearchQuery.Parse(term).ForSqlite()}");

        // Warm-up: JIT, connection pools, the database's caches.
        foreach (var term in terms.Take(50))
            await SearchAsync(app.Services, organization, term);
        foreach (var id in sampleIds.Take(50))
            await ByIdAsync(app.Services, organization, id);

        var search = await TimeAsync(terms, async term => found.Add(await SearchAsync(app.Services, organization, term)));
        var byId = await TimeAsync(sampleIds, id => ByIdAsync(app.Services, organization, id));
        var list = await TimeAsync(Enumerable.Range(0, queries).ToList(), page => ListAsync(app.Services, organization, page % 50));
        return new(name, search, byId, list, found.Count(n => n > 0) * 100.0 / found.Count, found.Average(), await IndexSizeAsync(app.Services, provider));
    }
    finally
    {
        if (keep || reuse is not null)
            Console.WriteLine($"{name}: kept {(connectionString is null ? folder.FullName : builder.Configuration["Database:ConnectionString"])}");
        else
        {
            await using (var scope = app.Services.CreateAsyncScope())
                await scope.ServiceProvider.GetRequiredService<AppDb>().Database.EnsureDeletedAsync();
            folder.Delete(recursive: true);
        }
    }
}

async Task<(Guid Organization, List<Guid> Ids)> FillAsync(IServiceProvider services)
{
    var now = TimeProvider.System.GetUtcNow().UtcDateTime;
    var organizationId = Guid.CreateVersion7();
    await using (var scope = services.CreateAsyncScope())
    {
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        db.Add(new Organization { Id = organizationId, Name = "Benchstadt", Slug = "benchstadt", CreatedAt = now, UpdatedAt = now });
        await db.SaveChangesAsync();
    }
    var text = new GermanText(seed: 42);
    var random = new Random(42);
    var ids = new List<Guid>(posts);
    const int batch = 1000;
    for (var start = 0; start < posts; start += batch)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Enter(organizationId);
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        for (var i = start; i < Math.Min(posts, start + batch); i++)
        {
            var published = now.AddMinutes(-random.Next(3 * 365 * 24 * 60));
            var post = new Post
            {
                Slug = $"beitrag-{i}",
                Type = (PostType)(random.Next(10) switch { < 6 => 0, 6 => 1, 7 => 2, 8 => 4, _ => 5 }),
                Status = PostStatus.Published,
                PublishedAt = published,
                CreatedAt = published,
                UpdatedAt = published,
                CreatedByName = "Bench",
            };
            post.Contents.Add(new PostContent { Language = PostLanguages.German, Title = text.Title(), Summary = text.Summary(), Body = text.Body() });
            db.Add(post);
            ids.Add(post.Id);
        }
        await db.SaveChangesAsync(); // PostSearchIndexer stems and writes the search rows here, as for an editor's save
        if ((start + batch) % 20_000 == 0)
            Console.WriteLine($"  {start + batch:N0}");
    }
    return (organizationId, ids);
}

async Task<(Guid Organization, List<Guid> Ids)> ExistingAsync(IServiceProvider services)
{
    await using var scope = services.CreateAsyncScope();
    var db = scope.ServiceProvider.GetRequiredService<AppDb>();
    var organization = await db.Set<Organization>().Select(o => o.Id).SingleAsync();
    var ids = await db.Set<Post>().IgnoreQueryFilters().Select(p => p.Id).ToListAsync();
    return (organization, ids);
}


async Task<int> SearchAsync(IServiceProvider services, Guid organization, string term)
{
    await using var scope = services.CreateAsyncScope();
    scope.ServiceProvider.GetRequiredService<TenantContext>().Enter(organization);
    var page = await scope.ServiceProvider.GetRequiredService<SearchPosts>().RunAsync(SearchQuery.Parse(term), 1, CancellationToken.None);
    return page.Results.Count;
}

async Task ByIdAsync(IServiceProvider services, Guid organization, Guid id)
{
    await using var scope = services.CreateAsyncScope();
    scope.ServiceProvider.GetRequiredService<TenantContext>().Enter(organization);
    await scope.ServiceProvider.GetRequiredService<AppDb>().Set<Post>().AsNoTracking().Where(p => p.Id == id).Select(p => p.Slug).FirstAsync();
}

// The query of /aktuelles: the newest visible posts as cards, one page of 20.
async Task ListAsync(IServiceProvider services, Guid organization, int page)
{
    await using var scope = services.CreateAsyncScope();
    scope.ServiceProvider.GetRequiredService<TenantContext>().Enter(organization);
    var visible = scope.ServiceProvider.GetRequiredService<PublicPosts>();
    await visible.Cards(visible.Visible().Where(p => p.Type != PostType.Page).OrderByDescending(p => p.PublishedAt).Skip(page * 20).Take(21)).ToListAsync();
}

async Task<string> IndexSizeAsync(IServiceProvider services, DatabaseProvider provider)
{
    await using var scope = services.CreateAsyncScope();
    var db = scope.ServiceProvider.GetRequiredService<AppDb>();
    if (provider == DatabaseProvider.Postgres)
    {
        var bytes = await db.Database.SqlQueryRaw<long>("""SELECT pg_total_relation_size('"PostSearch"') + pg_total_relation_size('"PostSearchVector"') AS "Value" """).SingleAsync();
        return $"PostSearch and PostSearchVector with GIN index {bytes / 1048576.0:F0} MiB";
    }
    // The bundled SQLite has no dbstat table, so the whole file: posts, search rows and the FTS5 index.
    var file = await db.Database.SqlQueryRaw<long>("""SELECT page_count * page_size AS "Value" FROM pragma_page_count(), pragma_page_size()""").SingleAsync();
    return $"database file {file / 1048576.0:F0} MiB in all";
}

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
        $"{posts:N0} published posts (German title, summary and a body of 7–14 sentences), one organisation; {queries} queries each, after 50 for warm-up.",
        "Each figure is one call as a request makes it: a new DI scope and DbContext, the query, the results.",
        "",
        "| provider | what | p50 ms | p95 ms | p99 ms | max ms |",
        "| --- | --- | ---: | ---: | ---: | ---: |",
    };
    foreach (var run in results)
    {
        lines.Add(Row(run.Provider, "**search** (`SearchPosts`, page 1 of 10)", run.Search));
        lines.Add(Row(run.Provider, "baseline: post by primary key", run.ById));
        lines.Add(Row(run.Provider, "baseline: /aktuelles list (20 newest cards)", run.List));
    }
    lines.Add("");
    foreach (var run in results)
        lines.Add($"- {run.Provider}: search p95 is {run.Search.P95 / run.ById.P95:F1}× the primary-key lookup and {run.Search.P95 / run.List.P95:F1}× the list; {run.FoundShare:F0} % of the queries found something ({run.AverageResults:F1} results on page 1 on average); {run.IndexSize}.");
    return string.Join('\n', lines);

    static string Row(string provider, string what, Timings t) =>
        string.Create(CultureInfo.InvariantCulture, $"| {provider} | {what} | {t.P50:F2} | {t.P95:F2} | {t.P99:F2} | {t.Max:F2} |");
}






internal sealed record Timings(double P50, double P95, double P99, double Max);

internal sealed record ProviderRun(string Provider, Timings Search, Timings ById, Timings List, double FoundShare, double AverageResults, string IndexSize);
