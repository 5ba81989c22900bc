using System.Diagnostics;
using System.Globalization;

namespace Rathausplatz.Tests.Support;

public abstract partial class RathausplatzApp
{
    /// <summary>
    /// Runs the built app as an operator would from the shell (<c>Rathausplatz setup …</c>), against
    /// this app's database, and returns its exit code and what it printed.
    /// </summary>
    public Task<(int ExitCode, string Output, string Errors)> RunCommandLineAsync(params string[] args) => RunCommandLineWithInputAsync(null, args);

    /// <summary>
    /// As <see cref="RunCommandLineAsync(string[])"/>, with <paramref name="input"/> on standard input (as an MTA pipes a mail).
    /// A name of its own: as an overload, <c>RunCommandLineAsync("setup", …)</c> bound "setup" to the input.
    /// </summary>
    public async Task<(int ExitCode, string Output, string Errors)> RunCommandLineWithInputAsync(string? input, params string[] args)
    {
        var start = BuiltApp(args, new() { ["Jobs:RunWorker"] = "false", ["Smtp:FromAddress"] = "noreply@rathausplatz.test" });
        start.RedirectStandardInput = input is not null;
        using var process = Process.Start(start)!;
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input);
            process.StandardInput.Close();
        }
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'Rathausplatz {string.Join(' ', args)}' did not finish within a minute.");
        }
        return (process.ExitCode, await output, await errors);
    }

    /// <summary>
    /// Starts the built app as its own process on this app's database and SMTP server, with its job
    /// worker on (the in-memory app has none) and the system clock. Extra settings use ":" keys.
    /// </summary>
    public AppProcess StartAppProcess(Dictionary<string, string> settings)
    {
        var all = new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
            ["Jobs:RunWorker"] = "true",
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = Mail.Port.ToString(CultureInfo.InvariantCulture),
            ["Smtp:Security"] = "None",
            ["Smtp:FromAddress"] = "noreply@rathausplatz.test",
        };
        foreach (var (key, value) in settings)
            all[key] = value;
        return new AppProcess(BuiltApp([], all));
    }

    /// <summary>
    /// <c>dotnet Rathausplatz.dll</c> (the app's dll, settings and dependencies are copied beside the tests)
    /// in Production on this app's database, without demo data, logging warnings only; then <paramref name="settings"/>.
    /// </summary>
    private ProcessStartInfo BuiltApp(IEnumerable<string> args, Dictionary<string, string> settings)
    {
        var folder = AppContext.BaseDirectory;
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(folder, "Rathausplatz.dll"));
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        var environment = new Dictionary<string, string?>(database.Settings)
        {
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Demo:Seed"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings)
            environment[key] = value;
        foreach (var (key, value) in environment)
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        return start;
    }
}

/// <summary>The built app running as a real process (a node), to be killed as a crash would kill it.</summary>
public sealed class AppProcess : IDisposable
{
    private readonly Process process;
    private readonly System.Text.StringBuilder output = new();

    internal AppProcess(ProcessStartInfo start)
    {
        process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public bool HasExited => process.HasExited;

    public string Output
    {
        get { lock (output) return output.ToString(); }
    }

    /// <summary>SIGKILL, as <c>kill -9</c>: no shutdown, no finally blocks, no flushing.</summary>
    public void KillHard()
    {
        process.Kill();
        process.WaitForExit();
    }

    public void Dispose()
    {
        if (!process.HasExited)
            KillHard();
        process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
            return;
        lock (output)
        {
            if (output.Length < 200_000)
                output.AppendLine(line);
        }
    }
}
