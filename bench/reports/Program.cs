using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rathausplatz.Bench;
using Rathausplatz.Data;
using Rathausplatz.Features.Organizations;
using Rathausplatz.Features.Reports;
using Rathausplatz.Features.Reports.Open311;
using Rathausplatz.Features.Reports.Public;

// Fills N reports into a fresh database of each provider, then times, each with a new DI scope and
// DbContext as per request: the public map for a bounding box (reports.geojson?bbox=… as the page /meldungen
// asks for it without filters: the newest 1,000 in a neighbourhood, through PublicReports.MapAsync, with the
// GeoJSON written), Open311's bounding box (requests.json?bbox=…&status=open: open reports of the last 90
// days in a neighbourhood, up to 200, through FindServiceRequests), a filtered requests.json (one service, one
// status, a 30-day window, page 1 of 100), both with the JSON they write, and as the baseline a report by
// primary key. The query classes are called directly, so no output cache is involved: every call queries.
// Usage: dotnet run -c Release -- [--reports 100000] [--queries 500] [--postgres "Host=…"] [--results ../RESULTS.md]

var options = new BenchOptions(args);
var reports = options.Number("--reports", 100_000);
var queries = options.Number("--queries", 500);
var postgres = options.Text("--postgres") ?? Environment.GetEnvironmentVariable("RATHAUSPLATZ_BENCH_POSTGRES");
var resultsFile = options.Text("--results");
// Studying plans by hand: --keep leaves the filled databases behind and prints where; --only sqlite|postgres.
var keep = args.Contains("--keep");
var only = options.Text("--only");
// --log-sql: print every SQL command EF runs while measuring, with its duration (studying where a query's time goes).
var logSql = args.Contains("--log-sql");
var measuring = false;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
const int Categories = 10;
// The town: about 14 × 22 km around 50.1° N, 9.1° E; the map's window is a quarter of that in each direction.
const double South = 50.0, North = 50.2, West = 9.0, East = 9.2, Window = 0.05;
const int Days = 3 * 365;

var runs = new List<ProviderRun>();
if (only is null or "sqlite")
    runs.Add(await RunAsync("SQLite", DatabaseProvider.Sqlite, null));
if (only is null or "postgres" && postgres is not null)
    runs.Add(await RunAsync("PostgreSQL", DatabaseProvider.Postgres, postgres!));
else if (only is null)
    Console.WriteLine("PostgreSQL skipped: set RATHAUSPLATZ_BENCH_POSTGRES or pass --postgres (bench/reports/run starts a throwaway cluster).");

var report = Report(runs);
Console.WriteLine();
Console.WriteLine(report);
if (resultsFile is not null)
    BenchReport.WriteSection(resultsFile, "Reports", "bench/reports/run", report);
return;

async Task<ProviderRun> RunAsync(string name, DatabaseProvider provider, string? connectionString)
{
    var folder = Directory.CreateTempSubdirectory("rathausplatz-bench-reports-");
    var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production", ContentRootPath = folder.FullName });
    builder.Logging.ClearProviders();
    if (logSql)
        builder.Logging.AddSimpleConsole().AddFilter((category, level) => measuring && category == DbLoggerCategory.Database.Command.Name && level >= LogLevel.Information);
    builder.Configuration["Database:Provider"] = provider.ToString();
    builder.Configuration["Database:DataFolder"] = folder.FullName;
    if (connectionString is not null)
        builder.Configuration["Database:ConnectionString"] = new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { Database = $"rathausplatz_bench_{Guid.CreateVersion7():N}" }.ConnectionString;
    builder.Services.AddSingleton(TimeProvider.System);
    // Identity's store options shape the model; without the app's, the migrations would not match it.
    builder.Services.Configure<Microsoft.AspNetCore.Identity.IdentityOptions>(o => Rathausplatz.Features.Accounts.AccountsSetup.ConfigureStores(o.Stores));
    builder.AddData();
    builder.Services.AddScoped<FindServiceRequests>();
    builder.Services.AddScoped<PublicReports>();
    await using var app = builder.Build();
    await app.Services.MigrateDatabaseAsync();
    try
    {
        Console.WriteLine($"{name}: filling {reports:N0} reports …");
        var fill = Stopwatch.StartNew();
        var (organization, ids, codes) = await FillAsync(app.Services);
        await BenchReport.RefreshStatisticsAsync(app.Services);
        Console.WriteLine($"{name}: filled in {fill.Elapsed.TotalSeconds:F0} s; measuring …");
        measuring = true;

        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        var random = new Random(11);
        var boxes = Enumerable.Range(0, queries).Select(_ =>
        {
            var south = South + random.NextDouble() * (North - South - Window);
            var west = West + random.NextDouble() * (East - West - Window);
            return new ServiceRequestFilter { Box = new BoundingBox(west, south, west + Window, south + Window), Open = true, From = now.AddDays(-90), PageSize = 200 };
        }).ToList();
        var mapBoxes = boxes.Select(b => new ReportFilter(Box: (b.Box!.West, b.Box.South, b.Box.East, b.Box.North))).ToList();
        var filtered = Enumerable.Range(0, queries).Select(_ =>
        {
            var end = now.AddDays(-random.Next(365));
            return new ServiceRequestFilter { ServiceCodes = [codes[random.Next(codes.Count)]], Open = random.Next(2) == 0, From = end.AddDays(-30), Until = end };
        }).ToList();
        var sampleIds = Enumerable.Range(0, queries).Select(_ => ids[random.Next(ids.Count)]).ToList();
        var found = new List<int>();

        // Warm-up: JIT, connection pools, the database's caches.
        foreach (var filter in mapBoxes.Take(50))
            await MapAsync(app.Services, organization, filter);
        foreach (var filter in boxes.Take(50).Concat(filtered.Take(50)))
            await RequestsAsync(app.Services, organization, filter);
        foreach (var id in sampleIds.Take(50))
            await ByIdAsync(app.Services, organization, id);

        var map = await TimeAsync(mapBoxes, async f => found.Add(await MapAsync(app.Services, organization, f)));
        var mapAverage = found.Average();
        found.Clear();
        var box = await TimeAsync(boxes, async f => found.Add(await RequestsAsync(app.Services, organization, f)));
        var boxAverage = found.Average();
        found.Clear();
        var requests = await TimeAsync(filtered, async f => found.Add(await RequestsAsync(app.Services, organization, f)));
        var byId = await TimeAsync(sampleIds, id => ByIdAsync(app.Services, organization, id));
        return new(name, map, box, requests, byId, mapAverage, boxAverage, found.Average());
    }
    finally
    {
        if (keep)
        {
            Console.WriteLine($"{name}: kept {(connectionString is null ? folder.FullName : builder.Configuration["Database:ConnectionString"])}");
            folder = null;
        }
        else
            await using (var scope = app.Services.CreateAsyncScope())
                await scope.ServiceProvider.GetRequiredService<AppDb>().Database.EnsureDeletedAsync();
        folder?.Delete(recursive: true);
    }
}

// Through EF, as the app writes them: the answers as JSON, the history rows the status notes come from.
async Task<(Guid Organization, List<Guid> Ids, List<string> Codes)> FillAsync(IServiceProvider services)
{
    var now = TimeProvider.System.GetUtcNow().UtcDateTime;
    var organizationId = Guid.CreateVersion7();
    var categoryIds = new List<Guid>();
    var codes = new List<string>();
    Guid departmentId;
    await using (var scope = services.CreateAsyncScope())
    {
        scope.ServiceProvider.GetRequiredService<TenantContext>().Enter(organizationId);
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        db.Add(new Organization { Id = organizationId, Name = "Benchstadt", Slug = "benchstadt", CreatedAt = now, UpdatedAt = now });
        await db.SaveChangesAsync();
        var department = new Department { Name = "Tiefbauamt", Slug = "tiefbauamt", CreatedAt = now };
        db.Add(department);
        departmentId = department.Id;
        for (var c = 0; c < Categories; c++)
        {
            var category = new ReportCategory { Code = $"kategorie-{c}", Name = $"Kategorie {c}", DepartmentId = department.Id, DueDays = 14, Position = c, CreatedAt = now, UpdatedAt = now };
            db.Add(category);
            categoryIds.Add(category.Id);
            codes.Add(category.Code);
        }
        await db.SaveChangesAsync();
    }
    var random = new Random(42);
    var ids = new List<Guid>(reports);
    const int batch = 1000;
    for (var start = 0; start < reports; start += batch)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Enter(organizationId);
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        for (var i = start; i < Math.Min(reports, start + batch); i++)
        {
            var age = random.NextDouble() * Days;
            var requested = now.AddDays(-age);
            // Most old reports are done; about half of the last month's are still open.
            var open = random.NextDouble() < Math.Max(0.03, 0.6 - age / 60);
            var status = open ? (random.Next(3) == 0 ? ReportStatus.InProgress : ReportStatus.Received)
                : (ReportStatus)(random.Next(10) switch { < 8 => 2, 8 => 3, _ => 4 });
            var updated = open ? requested : requested.AddDays(random.NextDouble() * Math.Min(age, 20));
            var r = new Report
            {
                PublicId = $"B{i:D3}-{i % 9973:D4}",
                CategoryId = categoryIds[random.Next(Categories)],
                Status = status,
                Description = "Vor dem Haus ist ein tiefes Schlagloch, Radfahrer müssen ausweichen.",
                Latitude = South + random.NextDouble() * (North - South),
                Longitude = West + random.NextDouble() * (East - West),
                Address = $"Hauptstraße {i % 200 + 1}",
                RequestedAt = requested,
                UpdatedAt = updated,
                ExpectedAt = requested.AddDays(14),
                DepartmentId = departmentId,
                ReporterEmail = random.Next(2) == 0 ? $"person{i}@example.org" : null,
                Answers = new() { ["blockiert"] = ["nein"] },
            };
            db.Add(r);
            ids.Add(r.Id);
            db.Add(new ReportUpdate { ReportId = r.Id, At = requested, Kind = ReportUpdateKind.StatusChange, Status = ReportStatus.Received, Public = true });
            if (!open)
                db.Add(new ReportUpdate { ReportId = r.Id, At = updated, Kind = ReportUpdateKind.StatusChange, Status = status, Public = true, Text = "Erledigt, danke für den Hinweis." });
        }
        await db.SaveChangesAsync();
        if ((start + batch) % 20_000 == 0)
            Console.WriteLine($"  {start + batch:N0}");
    }
    return (organizationId, ids, codes);
}


// What GET requests does after parsing: the query, then the answer written (JSON).
async Task<int> RequestsAsync(IServiceProvider services, Guid organization, ServiceRequestFilter filter)
{
    await using var scope = services.CreateAsyncScope();
    scope.ServiceProvider.GetRequiredService<TenantContext>().Enter(organization);
    var (items, _) = await scope.ServiceProvider.GetRequiredService<FindServiceRequests>().RunAsync(filter, CancellationToken.None);
    _ = Open311Writer.Write(Open311Api.RequestsDocument(items, "https://benchstadt.example"), Open311Format.Json);
    return items.Count;
}

// What GET reports.geojson does after parsing: the query, then the GeoJSON written.
async Task<int> MapAsync(IServiceProvider services, Guid organization, ReportFilter filter)
{
    await using var scope = services.CreateAsyncScope();
    scope.ServiceProvider.GetRequiredService<TenantContext>().Enter(organization);
    var found = await scope.ServiceProvider.GetRequiredService<PublicReports>().MapAsync(filter, ReportsMapApi.MaxFeatures, CancellationToken.None);
    _ = ReportsMapApi.GeoJson(found, ReportTexts.StatusName);
    return found.Count;
}

async Task ByIdAsync(IServiceProvider services, Guid organization, Guid id)
{
    await using var scope = services.CreateAsyncScope();
    scope.ServiceProvider.GetRequiredService<TenantContext>().Enter(organization);
    await scope.ServiceProvider.GetRequiredService<AppDb>().Set<Report>().AsNoTracking().Where(r => r.Id == id).Select(r => r.PublicId).FirstAsync();
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
        $"{reports:N0} reports over three years in a 0.2° × 0.2° town, {Categories} categories, one organisation, with their history rows; {queries} queries each, after 50 for warm-up.",
        "Each figure is one call as a request makes it, uncached (the query classes are called directly, no output cache): a new DI scope and DbContext, the query, and (except the baseline) the JSON or GeoJSON answer written.",
        "",
        "| provider | what | p50 ms | p95 ms | p99 ms | max ms | p95 ≤ 30 ms |",
        "| --- | --- | ---: | ---: | ---: | ---: | --- |",
    };
    foreach (var run in results)
    {
        lines.Add(Row(run.Provider, $"**map** (reports.geojson): bounding box 0.05° × 0.05°, no filter, newest up to 1,000 (avg {run.MapAverage:F0} found)", run.Map, true));
        lines.Add(Row(run.Provider, $"**requests.json?bbox**: bounding box 0.05° × 0.05°, open, last 90 days, up to 200 (avg {run.BoxAverage:F0} found)", run.Box, true));
        lines.Add(Row(run.Provider, $"**requests.json**: one service_code, one status, 30 days, page of 100 (avg {run.RequestsAverage:F0} found)", run.Requests, true));
        lines.Add(Row(run.Provider, "baseline: report by primary key", run.ById, false));
    }
    lines.Add("");
    foreach (var run in results)
        lines.Add($"- {run.Provider}: p95 of the map {run.Map.P95 / run.ById.P95:F1}×, of requests.json?bbox {run.Box.P95 / run.ById.P95:F1}× and of requests.json {run.Requests.P95 / run.ById.P95:F1}× the primary-key lookup's.");
    return string.Join('\n', lines);

    static string Row(string provider, string what, Timings t, bool target) =>
        string.Create(CultureInfo.InvariantCulture, $"| {provider} | {what} | {t.P50:F2} | {t.P95:F2} | {t.P99:F2} | {t.Max:F2} | {(target ? (t.P95 <= 30 ? "yes" : "no") : "")} |");
}






internal sealed record Timings(double P50, double P95, double P99, double Max);

internal sealed record ProviderRun(string Provider, Timings Map, Timings Box, Timings Requests, Timings ById, double MapAverage, double BoxAverage, double RequestsAverage);
