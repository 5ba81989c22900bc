using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Rathausplatz.Data;

namespace Rathausplatz.Tests.Support;

/// <summary>
/// The whole app in memory on its own empty database, with its own SMTP server and clock. Tests talk
/// to it through intent methods (create an organisation, a user, a client for a host, run the jobs)
/// and HTTP. Share one per test class (<c>IClassFixture</c>) and make the data each test needs.
/// </summary>
public abstract partial class RathausplatzApp(DatabaseProvider provider) : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly TestDatabase database = TestDatabase.For(provider);
    private bool disposed;

    public DatabaseProvider Provider => provider;

    /// <summary>The app's clock: tests move it forward instead of sleeping.</summary>
    /// <remarks>
    /// It starts on a whole second: PostgreSQL keeps microseconds and rounds, so a job stored "now"
    /// with a finer time could lie in the future of a clock that stands still.
    /// </remarks>
    public FakeTimeProvider Time { get; } = new(WholeSecond(TimeProvider.System.GetUtcNow()));

    public DateTime Now => Time.GetUtcNow().UtcDateTime;

    /// <summary>The SMTP server the app delivers to.</summary>
    public TestSmtpServer Mail { get; } = new();

    /// <summary>Every run of a <see cref="TestJobs"/> job.</summary>
    public JobLog JobLog { get; } = new();

    /// <summary>The app's log messages, kept while a test records them (<see cref="LogRecorder.Record"/>).</summary>
    public LogRecorder Logs { get; } = new();

    public async Task InitializeAsync()
    {
        try
        {
            await Mail.StartAsync();
            await database.CreateAsync();
            await StartServicesAsync();
            // Building the host applies all migrations to the empty database, as a first deployment does.
            _ = Services;
        }
        catch
        {
            // xunit does not dispose a fixture that failed to start; leave no database behind.
            await DisposeAsync();
            throw;
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in Settings().Concat(MoreSettings()))
            builder.UseSetting(key, value);
        // Debug and up, whatever the configured levels: stricter than production, where operators may
        // turn Debug on to find a fault. Trace is left out; the framework documents it as possibly sensitive.
        builder.ConfigureLogging(logging => logging.AddProvider(Logs).AddFilter<LogRecorder>(null, LogLevel.Debug));
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Time);
            services.AddTestJobHandlers(JobLog);
            services.AddTransient<IStartupFilter, RequestBodyLimit>();
            services.Configure<OutputCacheOptions>(o => o.AddBasePolicy(PageCache));
        });
    }

    /// <summary>Services a variant of the app needs besides the database and SMTP (a Redis server, say).</summary>
    protected virtual Task StartServicesAsync() => Task.CompletedTask;

    protected virtual ValueTask StopServicesAsync() => ValueTask.CompletedTask;

    /// <summary>Settings a variant of the app adds to or changes from the common ones.</summary>
    protected virtual IEnumerable<KeyValuePair<string, string?>> MoreSettings() => [];

    private Dictionary<string, string?> Settings() => new(database.Settings)
    {
        ["Demo:Seed"] = "false",
        // Tests step the queue themselves (RunDueJobsAsync), so no background worker competes.
        ["Jobs:RunWorker"] = "false",
        ["Smtp:Host"] = "127.0.0.1",
        ["Smtp:Port"] = Mail.Port.ToString(CultureInfo.InvariantCulture),
        ["Smtp:Security"] = "None",
        ["Smtp:FromAddress"] = "noreply@rathausplatz.test",
        ["Logging:LogLevel:Default"] = "Warning",
        // Tests post to the account forms far more often than people do, all from one address, and the
        // limiter counts real minutes: the production limit (20) would answer 429 at random.
        ["RateLimits:AccountsPerMinute"] = "100000",
        // Below the per-address limit of Open311 posts (60), so a test can reach each of the two.
        ["RateLimits:Open311PostsPerMinutePerKey"] = "20",
        // Participation tests post supports in bursts (20 at once, to prove they count once) from one address.
        ["RateLimits:ParticipationPerMinute"] = "100000",
        // Small fan-out pages, so the keyset paging runs over many pages even with a handful of subscribers.
        ["Delivery:FanOutBatch"] = "7",
        // The fake geocoder of the district tests listens on plain http on 127.0.0.1.
        ["Geocoding:AllowHttp"] = "true",
        ["Geocoding:AllowLoopback"] = "true",
        // Web push to the local fake push service (TestPushService): loopback allowed, its certificate trusted.
        ["Push:AllowLoopback"] = "true",
        ["Push:TrustedCertificate"] = TestPushService.CertificateFile,
    };

    public override async ValueTask DisposeAsync()
    {
        if (disposed)
            return;
        disposed = true;
        await base.DisposeAsync();
        await database.DisposeAsync();
        await Mail.DisposeAsync();
        await StopServicesAsync();
        GC.SuppressFinalize(this);
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    private static DateTimeOffset WholeSecond(DateTimeOffset time) => time.AddTicks(-(time.Ticks % TimeSpan.TicksPerSecond));
}

/// <summary>The app on SQLite, in a fresh temporary file.</summary>
public sealed class SqliteApp() : RathausplatzApp(DatabaseProvider.Sqlite);

/// <summary>The app on PostgreSQL, in a fresh database on the server scripts/test starts.</summary>
public sealed class PostgresApp() : RathausplatzApp(DatabaseProvider.Postgres);
