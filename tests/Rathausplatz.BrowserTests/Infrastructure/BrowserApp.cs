using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Rathausplatz.BrowserTests.Infrastructure;

/// <summary>
/// One test class's world: the real app on Kestrel at a free loopback port with its own SQLite
/// file and the Musterstadt demo, an SMTP server that records its mails, and one Chromium.
/// Each test opens its own browser context, so cookies never leak between tests.
/// </summary>
public class BrowserApp : IAsyncLifetime
{
    /// <summary>Debian's Chromium; Playwright's own browser builds cannot be downloaded here.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>The password of every demo account (see DemoSeeder).</summary>
    public const string DemoPassword = "Browsertest-Demo-2026";

    private readonly string dataFolder = Directory.CreateTempSubdirectory("rathausplatz-browser-").FullName;
    private AppFactory? factory;
    private IPlaywright? playwright;
    private IBrowser? browser;
    private MailSink? mail;

    /// <summary>The app's clock: real time plus an offset a test may move forward (scheduled publishing).</summary>
    public ShiftedClock Clock { get; } = new();
    // The cookies of each account signed in through OpenSignedInAsync, so a class signs in once per account.
    private readonly Dictionary<string, string> signedIn = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Where the app is browsed: <c>http://localhost:PORT</c> (a host of the demo organisation).</summary>
    public string BaseUrl { get; private set; } = "";

    public MailSink Mail => mail ?? throw new InvalidOperationException("The fixture has not started.");

    public IBrowser Browser => browser ?? throw new InvalidOperationException("The fixture has not started.");

    public async Task InitializeAsync()
    {
        // Fail, never skip: a suite without its browser must not pass quietly.
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException(
                $"Chromium is missing at {ChromiumPath}. Install it with 'apt-get install -y chromium' (scripts/test does this when run as root).");

        mail = MailSink.Start();
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["Database:ConnectionString"] = $"Data Source={Path.Combine(dataFolder, "rathausplatz.db")}",
            ["Database:DataFolder"] = dataFolder,
            ["Demo:Seed"] = "true",
            ["Demo:Password"] = DemoPassword,
            ["Web:UseHttps"] = "false",
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = mail.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Smtp:Security"] = "None",
            ["Smtp:PickupFolder"] = Path.Combine(dataFolder, "mail"),
            ["RateLimits:AccountsPerMinute"] = "10000",
        };
        foreach (var (key, value) in await MoreSettingsAsync())
            settings[key] = value;
        factory = new AppFactory(Clock, settings);
        factory.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("Kestrel reported no address.");
        BaseUrl = $"http://localhost:{new Uri(address).Port}";

        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // Without the networking flags Chromium keeps trying to reach hosts this machine cannot reach.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>Services a variant of the world starts before the app, and the settings that point the app at them.</summary>
    protected virtual Task<IEnumerable<KeyValuePair<string, string?>>> MoreSettingsAsync() =>
        Task.FromResult<IEnumerable<KeyValuePair<string, string?>>>([]);

    protected virtual ValueTask StopServicesAsync() => ValueTask.CompletedTask;

    /// <summary>The app's services, for data a test needs that another part's pages make (a report from the report form).</summary>
    public IServiceProvider Services => factory?.Services ?? throw new InvalidOperationException("The fixture has not started.");

    /// <summary>The port the app listens on, for links to other host names of the same app (e.g. <c>neustadt.localhost</c>).</summary>
    public int Port => new Uri(BaseUrl).Port;

    /// <summary>
    /// A fresh, German-speaking browser context at desktop width; dispose it at the end of the test.
    /// Relative addresses go to <paramref name="baseUrl"/> (default <see cref="BaseUrl"/>);
    /// <paramref name="storageState"/> (from <c>StorageStateAsync</c>) brings another context's cookies along.
    /// </summary>
    public async Task<IBrowserContext> NewContextAsync(bool javaScript = true, string? baseUrl = null, string? storageState = null)
    {
        var context = await Browser.NewContextAsync(new()
        {
            BaseURL = baseUrl ?? BaseUrl,
            StorageState = storageState,
            Locale = "de-DE",
            JavaScriptEnabled = javaScript,
            ViewportSize = new() { Width = PageChecks.DesktopWidth, Height = 800 },
        });
        // Pages answer in well under a second here; a missing element should fail fast, not after Playwright's 30 s.
        context.SetDefaultTimeout(10_000);
        // Except the first time: the first page of its kind in a fresh test run (code compiled just in time, EF queries
        // compiled) took up to 10 s on two cores busy with builds, so an address typed in gets longer before it fails.
        context.SetDefaultNavigationTimeout(30_000);
        if (!javaScript)
            PageChecks.MarkWithoutScript(context);
        return context;
    }

    /// <summary>
    /// A new context with one page in it; the page's context is disposed with the returned session.
    /// With <paramref name="log"/>, every page load (status, method, URL) and the console's errors and warnings go to the test's output.
    /// </summary>
    public async Task<BrowserSession> OpenAsync(ITestOutputHelper? log = null, bool javaScript = true, string? baseUrl = null, string? storageState = null)
    {
        var context = await NewContextAsync(javaScript, baseUrl, storageState);
        var page = await context.NewPageAsync();
        if (log is not null)
        {
            page.Response += (_, response) =>
            {
                if (response.Request.ResourceType == "document")
                    log.WriteLine($"{response.Status} {response.Request.Method} {response.Url}");
            };
            page.Console += (_, message) =>
            {
                if (message.Type is "error" or "warning")
                    log.WriteLine($"console {message.Type}: {message.Text}");
            };
            page.PageError += (_, error) => log.WriteLine($"script error: {error}");
        }
        return new BrowserSession(context, page);
    }

    /// <summary>
    /// A new session signed in as the demo account <paramref name="email"/>. The first call per account
    /// signs in through the pages (setting up two-factor sign-in where the role demands it); later calls
    /// reuse those cookies, so a class checking many pages signs in once. Tests in a class run one after another.
    /// </summary>
    public async Task<BrowserSession> OpenSignedInAsync(string email, ITestOutputHelper? log = null, bool javaScript = true)
    {
        if (!signedIn.TryGetValue(email, out var state))
        {
            await using var first = await OpenAsync(log);
            await first.Page.SignInSettingUpTwoFactorAsync(email, DemoPassword);
            state = await first.Context.StorageStateAsync();
            signedIn[email] = state;
        }
        return await OpenAsync(log, javaScript, storageState: state);
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
            await browser.DisposeAsync();
        playwright?.Dispose();
        if (factory is not null)
            await factory.DisposeAsync();
        if (mail is not null)
            await mail.DisposeAsync();
        await StopServicesAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(dataFolder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open only leaves a temp folder behind; not worth failing a run.
        }
    }

    private sealed class AppFactory(TimeProvider clock, IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            foreach (var (key, value) in settings)
                builder.UseSetting(key, value);
            builder.ConfigureTestServices(services => services.AddSingleton(clock));
        }
    }
}

/// <summary>A browser context and its page, disposed together.</summary>
public sealed record BrowserSession(IBrowserContext Context, IPage Page) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => Context.DisposeAsync();
}
