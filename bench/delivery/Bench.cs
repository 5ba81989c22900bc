using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Rathausplatz.Bench.Delivery;
using Rathausplatz.Data;
using Rathausplatz.Features.Delivery;
using Rathausplatz.Features.Newsroom.Editing;
using Rathausplatz.Jobs;

// The delivery benchmark for one provider; bench/delivery/run calls it once per provider (a process
// each, so the peak memory figures are per provider). See bench/README.md, section "Delivery".
// Arguments: sqlite|postgres  subscribers  smtp-port  send-seconds  [push-subscriptions, 0: no phase (d)]
internal static class DeliveryBench
{
    private static readonly TimeSpan SendWarmUp = TimeSpan.FromSeconds(10);

    public static async Task Main(string[] args)
    {
        var provider = args[0] == "postgres" ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;
        var subscribers = int.Parse(args[1], CultureInfo.InvariantCulture);
        var smtpPort = args[2];
        var sendSeconds = double.Parse(args[3], CultureInfo.InvariantCulture);
        var pushSubscriptions = args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 20_000;

        // Started before the app, which must trust its certificate.
        await using var pushService = await LocalPushService.StartAsync();
        await using var database = await BenchDatabase.CreateAsync(provider);
        await using var app = new BenchApp(database.Settings, smtpPort, pushService.CertificateFile);
        var services = app.Services; // builds the host: migrations run on the empty database
        Report.Line($"provider {provider}, {subscribers:N0} subscribers");

        var setup = await Setup.OrganizationAsync(services);
        var fill = Stopwatch.StartNew();
        await Fill.SubscribersAsync(services, setup, subscribers);
        Report.Line($"fill: {fill.Elapsed.TotalSeconds:F1} s (set-based SQL, then VACUUM ANALYZE on PostgreSQL)");
        Report.Row("fill (set-based SQL, one transaction)", $"{fill.Elapsed.TotalSeconds:F1} s");

        // (a) Publish to all deliveries queued, through PublishPost and the fan-out job (QueueDeliveries).
        // Warm-up, as a running server is: an alert to the topic nobody chose walks every page (JIT, plans, cache), queues nothing.
        // Twice: the first run's hot methods are compiled again, optimised, in the background after it (tiered JIT), which
        // took a core for a second of the measured fan-out when it came right after a single warm-up.
        var warmUps = new List<double>();
        foreach (var round in (int[])[1, 2])
        {
            var warmUp = Stopwatch.StartNew();
            await PublishAndFanOutAsync(services, setup, await Setup.DraftAlertAsync(services, setup, 4, $"bench-aufwaermen-{round}"));
            warmUps.Add(warmUp.Elapsed.TotalSeconds);
        }
        Report.Line($"warm-up fan-outs (0 recipients): {warmUps[0]:F2} s in the cold process, then {warmUps[1]:F2} s");
        Report.Row("warm-up fan-outs, 0 recipients: cold process, then warm", $"{warmUps[0]:F1} s, {warmUps[1]:F1} s");
        var postId = await Setup.DraftAlertAsync(services, setup, 0, "bench-warnung");
        Memory.ResetPeak();
        var rssBefore = Memory.Kilobytes("VmRSS");
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var publish = Stopwatch.StartNew();
        await PublishAndFanOutAsync(services, setup, postId);
        var runner = services.GetRequiredService<JobRunner>();
        publish.Stop();
        // The machine is shared: CPU time of this process tells the work apart from the waiting (on SQLite it is all of the work).
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var queued = await setup.CountAsync(services, postId, null);
        Report.Line($"fan-out: {queued:N0} deliveries queued {publish.Elapsed.TotalSeconds:F2} s after publish, {cpu.TotalSeconds:F2} s CPU in this process " +
            $"(peak RSS during it {Memory.Kilobytes("VmHWM") / 1024} MB, before {rssBefore / 1024} MB)");
        Report.Row($"(a) publish → {queued:N0} queued", $"{publish.Elapsed.TotalSeconds:F1} s ({cpu.TotalSeconds:F1} s CPU)");
        var fanOutPeak = Memory.Kilobytes("VmHWM") / 1024;

        // (b) Sustained send rate: the send job's slices (the app's lanes, claim batches and commit point) into smtp-sink.
        // The first seconds of a cold process go to the JIT (tiered compilation of the MailKit, MimeKit and EF paths took
        // 3 of every 5 s of CPU at first); a running server has long done that, so the sustained rate is counted after them.
        Memory.ResetPeak();
        cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var send = Stopwatch.StartNew();
        var warm = Task.Run(async () =>
        {
            await Task.Delay(SendWarmUp);
            return (Sent: await setup.CountAsync(services, postId, DeliveryState.Sent), At: send.Elapsed, Cpu: Process.GetCurrentProcess().TotalProcessorTime);
        });
        while (send.Elapsed.TotalSeconds < sendSeconds && await runner.RunDueJobsAsync("bench", CancellationToken.None) > 0)
        {
        }
        send.Stop();
        var cpuEnd = Process.GetCurrentProcess().TotalProcessorTime;
        cpu = cpuEnd - cpuBefore;
        var sent = await setup.CountAsync(services, postId, DeliveryState.Sent);
        Report.Line($"send: {sent:N0} mails in {send.Elapsed.TotalSeconds:F1} s = {sent / send.Elapsed.TotalSeconds:F0} mails/s, {cpu.TotalSeconds:F1} s CPU in this process " +
            $"(peak RSS during it {Memory.Kilobytes("VmHWM") / 1024} MB)");
        var start = await warm;
        if (start.At < send.Elapsed)
        {
            var window = send.Elapsed - start.At;
            var rate = (sent - start.Sent) / window.TotalSeconds;
            var cpuPerMail = (cpuEnd - start.Cpu).TotalMilliseconds / Math.Max(1, sent - start.Sent);
            Report.Line($"sustained (after the first {SendWarmUp.TotalSeconds:F0} s): {sent - start.Sent:N0} mails in {window.TotalSeconds:F1} s = {rate:F0} mails/s, {cpuPerMail:F2} ms CPU per mail");
            Report.Row($"(b) sustained send rate, after the first {SendWarmUp.TotalSeconds:F0} s", $"{rate:F0} mails/s ({sent - start.Sent:N0} mails in {window.TotalSeconds:F1} s, {cpuPerMail:F2} ms CPU per mail)");
        }
        Report.Row("(b) send rate, whole window from a cold process", $"{sent / send.Elapsed.TotalSeconds:F0} mails/s ({sent:N0} mails in {send.Elapsed.TotalSeconds:F1} s)");
        Report.Row("(c) peak memory (VmHWM), fan-out / send", $"{fanOutPeak} MB / {Memory.Kilobytes("VmHWM") / 1024} MB");

        if (pushSubscriptions > 0)
            await PushAsync(services, setup, pushService, pushSubscriptions, sendSeconds);
        Report.Table(provider.ToString());
    }

    /// <summary>
    /// (d) Push deliveries per second: <paramref name="count"/> push subscriptions (topic 5, nobody's e-mail
    /// choice) pointing at the local push service, an alert to them published and fanned out as in (a), and
    /// the push send job's slices (the app's lanes: PushConcurrency, claims, encryption, VAPID, one request
    /// each) for <paramref name="seconds"/>. Beside it the raw rate of plain POSTs to the same endpoint.
    /// </summary>
    private static async Task PushAsync(IServiceProvider services, Setup setup, LocalPushService pushService, int count, double seconds)
    {
        // What (b) left unsent stays out of (d): its send job is dropped, so only the push send job runs.
        int dropped;
        await using (var scope = services.CreateAsyncScope())
            dropped = await scope.ServiceProvider.GetRequiredService<AppDb>().Set<Job>().IgnoreQueryFilters()
                .Where(j => j.State == JobState.Pending && j.Kind == SendDeliveries.JobKind).ExecuteDeleteAsync();
        var fill = Stopwatch.StartNew();
        await Fill.PushSubscriptionsAsync(services, setup, count, pushService.BaseAddress);
        Report.Line($"push fill: {count:N0} push subscriptions in {fill.Elapsed.TotalSeconds:F1} s; {dropped} e-mail send job(s) left from (b) dropped");

        var postId = await Setup.DraftAlertAsync(services, setup, 5, "bench-push-warnung");
        var publish = Stopwatch.StartNew();
        await PublishAndFanOutAsync(services, setup, postId);
        publish.Stop();
        var queued = await setup.CountAsync(services, postId, null);
        Report.Line($"push fan-out: {queued:N0} push deliveries queued {publish.Elapsed.TotalSeconds:F2} s after publish " +
            "(the e-mail part of the fan-out walks every e-mail subscription and finds none)");

        var lanes = services.GetRequiredService<IOptions<DeliveryOptions>>().Value.PushConcurrency;
        var runner = services.GetRequiredService<JobRunner>();
        Memory.ResetPeak();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var requestsBefore = pushService.Requests;
        var bytesBefore = pushService.Bytes;
        var send = Stopwatch.StartNew();
        while (send.Elapsed.TotalSeconds < seconds && await runner.RunDueJobsAsync("bench", CancellationToken.None) > 0)
        {
        }
        send.Stop();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var peak = Memory.Kilobytes("VmHWM") / 1024;
        var sent = await setup.CountAsync(services, postId, DeliveryState.Sent);
        var failed = await setup.CountAsync(services, postId, DeliveryState.Failed);
        var requests = pushService.Requests - requestsBefore;
        var bodySize = requests > 0 ? (int)((pushService.Bytes - bytesBefore) / requests) : 400;
        var rate = sent / send.Elapsed.TotalSeconds;
        Report.Line($"push send: {sent:N0} push deliveries sent ({failed:N0} failed) in {send.Elapsed.TotalSeconds:F1} s = {rate:F0}/s, " +
            $"{lanes} lanes, {cpu.TotalSeconds:F1} s CPU in this process (peak RSS during it {peak} MB); the push service got " +
            $"{requests:N0} requests ({pushService.WebPushRequests:N0} in all with aes128gcm + VAPID + TTL), {bodySize} bytes of body each on average");

        // The baseline in the same process and run: what the endpoint and HttpClient do without the app.
        var (done, elapsed) = await pushService.RawAsync(lanes, Math.Max(sent, 1000), bodySize, seconds);
        var raw = done / elapsed.TotalSeconds;
        Report.Line($"raw HttpClient POSTs ({lanes} at a time, {bodySize} bytes, same https endpoint): {done:N0} in {elapsed.TotalSeconds:F1} s = {raw:F0}/s; " +
            $"push is {100 * rate / raw:F0} % of raw");
        Report.Row($"(d) push rate ({count:N0} push subscriptions, {lanes} lanes)",
            $"{rate:F0} deliveries/s ({sent:N0} in {send.Elapsed.TotalSeconds:F1} s, {cpu.TotalSeconds:F1} s CPU) = {100 * rate / raw:F0} % of raw");
        Report.Row($"(d) raw HttpClient POSTs, {lanes} at a time, {bodySize} B", $"{raw:F0} requests/s");
        Report.Row("(d) push fan-out (publish → push queued)", $"{publish.Elapsed.TotalSeconds:F1} s");
        Report.Row("(d) peak memory (VmHWM), push send", $"{peak} MB");
    }

    /// <summary>Publishes through the app's use case (which stores the fan-out job with the post) and runs the due job.</summary>
    private static async Task PublishAndFanOutAsync(IServiceProvider services, Setup setup, Guid postId)
    {
        await using (var scope = setup.Scope(services))
        {
            var outcome = await scope.ServiceProvider.GetRequiredService<PublishPost>().RunAsync(postId, setup.Editor, CancellationToken.None);
            if (outcome != PublishOutcome.Published)
                throw new InvalidOperationException($"Publishing answered {outcome}.");
        }
        await services.GetRequiredService<JobRunner>().RunDueJobsAsync("bench", CancellationToken.None);
    }
}

/// <summary>The app with its real services, on the bench database, sending to smtp-sink, worker off (the bench drives the queue).</summary>
internal sealed class BenchApp(IReadOnlyDictionary<string, string?> database, string smtpPort, string pushCertificate) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        foreach (var (key, value) in database)
            builder.UseSetting(key, value);
        builder.UseSetting("Demo:Seed", "false");
        builder.UseSetting("Jobs:RunWorker", "false");
        builder.UseSetting("Smtp:Host", "127.0.0.1");
        builder.UseSetting("Smtp:Port", smtpPort);
        builder.UseSetting("Smtp:Security", "None");
        builder.UseSetting("Smtp:FromAddress", "noreply@bench.test");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // The local push service of phase (d), as the tests allow theirs: loopback endpoints, its certificate trusted.
        builder.UseSetting("Push:AllowLoopback", "true");
        builder.UseSetting("Push:TrustedCertificate", pushCertificate);
    }
}

internal static class Report
{
    private static readonly List<(string Name, string Value)> Rows = [];

    public static void Line(string text) => Console.WriteLine(FormattableString.Invariant($"[{TimeProvider.System.GetUtcNow():HH:mm:ss}] {text}"));

    /// <summary>A row of the summary table printed at the end (<see cref="Table"/>).</summary>
    public static void Row(string name, FormattableString value) => Rows.Add((name, FormattableString.Invariant(value)));

    /// <summary>The run's figures as a Markdown table, one column per provider run (bench/RESULTS.md's table puts the providers side by side).</summary>
    public static void Table(string provider)
    {
        Console.WriteLine();
        Console.WriteLine($"| | {provider} |");
        Console.WriteLine("|---|---|");
        foreach (var (name, value) in Rows)
            Console.WriteLine($"| {name} | {value} |");
    }
}

internal static class Memory
{
    /// <summary>A field of /proc/self/status in kB (VmHWM: peak resident set, VmRSS: now).</summary>
    public static long Kilobytes(string field)
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith(field + ":", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
    }

    /// <summary>Linux resets VmHWM to the current RSS when "5" is written to clear_refs, so each phase gets its own peak.</summary>
    public static void ResetPeak()
    {
        GC.Collect();
        File.WriteAllText("/proc/self/clear_refs", "5");
    }
}
