using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Rathausplatz.Bench.Delivery;
using Rathausplatz.Data;
using Rathausplatz.Features.Delivery;
using Rathausplatz.Features.Newsroom.Editing;
using Rathausplatz.Jobs;

// The delivery benchmark for one provider; bench/delivery/run calls it once per provider (a process
// each, so the peak memory figures are per provider). See bench/README.md, section "Delivery".
// Arguments: sqlite|postgres  subscribers  smtp-port  send-seconds
internal static class DeliveryBench
{
    public static async Task Main(string[] args)
    {
        var provider = args[0] == "postgres" ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;
        var subscribers = int.Parse(args[1], CultureInfo.InvariantCulture);
        var smtpPort = args[2];
        var sendSeconds = double.Parse(args[3], CultureInfo.InvariantCulture);

        await using var database = await BenchDatabase.CreateAsync(provider);
        await using var app = new BenchApp(database.Settings, smtpPort);
        var services = app.Services; // builds the host: migrations run on the empty database
        Report.Line($"provider {provider}, {subscribers:N0} subscribers");

        var setup = await Setup.OrganizationAsync(services);
        var fill = Stopwatch.StartNew();
        await Fill.SubscribersAsync(services, setup, subscribers);
        Report.Line($"fill: {fill.Elapsed.TotalSeconds:F1} s (set-based SQL, then VACUUM ANALYZE on PostgreSQL)");

        // (a) Publish to all deliveries queued, through PublishPost and the fan-out job (QueueDeliveries).
        // Warm-up, as a running server is: an alert to the topic nobody chose walks every page (JIT, plans, cache), queues nothing.
        var warmUp = Stopwatch.StartNew();
        await PublishAndFanOutAsync(services, setup, await Setup.DraftAlertAsync(services, setup, 4, "bench-aufwaermen"));
        Report.Line($"warm-up fan-out (0 recipients, cold process): {warmUp.Elapsed.TotalSeconds:F2} s");
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

        // (b) Sustained send rate: the send job's slices (the app's lanes, claim batches and commit point) into smtp-sink.
        Memory.ResetPeak();
        cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var send = Stopwatch.StartNew();
        while (send.Elapsed.TotalSeconds < sendSeconds && await runner.RunDueJobsAsync("bench", CancellationToken.None) > 0)
        {
        }
        send.Stop();
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var sent = await setup.CountAsync(services, postId, DeliveryState.Sent);
        Report.Line($"send: {sent:N0} mails in {send.Elapsed.TotalSeconds:F1} s = {sent / send.Elapsed.TotalSeconds:F0} mails/s, {cpu.TotalSeconds:F1} s CPU in this process " +
            $"(peak RSS during it {Memory.Kilobytes("VmHWM") / 1024} MB)");
        Report.Line($"process peak RSS over the whole run is in the line above or the fan-out line; VmHWM now {Memory.Kilobytes("VmHWM") / 1024} MB");
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
internal sealed class BenchApp(IReadOnlyDictionary<string, string?> database, string smtpPort) : WebApplicationFactory<Program>
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
    }
}

internal static class Report
{
    public static void Line(string text) => Console.WriteLine(FormattableString.Invariant($"[{TimeProvider.System.GetUtcNow():HH:mm:ss}] {text}"));
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
