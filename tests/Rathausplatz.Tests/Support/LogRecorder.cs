using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Rathausplatz.Tests.Support;

/// <summary>One message the app logged.</summary>
public sealed record LogEntry(string Category, LogLevel Level, string Message);

/// <summary>
/// A logger provider for the app under test. It keeps messages only while a test records, so other
/// tests pay for nothing but the check; several recordings may run at once. Scopes are kept with the
/// message, as the production console log (IncludeScopes) writes them.
/// </summary>
public sealed class LogRecorder : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentDictionary<Recording, byte> recordings = new();
    private IExternalScopeProvider scopes = new LoggerExternalScopeProvider();

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => scopes = scopeProvider;

    /// <summary>Keeps every message from now until the recording is disposed.</summary>
    public Recording Record()
    {
        var recording = new Recording(this);
        recordings[recording] = 0;
        return recording;
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose() { }

    public sealed class Recording(LogRecorder recorder) : IDisposable
    {
        private readonly ConcurrentQueue<LogEntry> entries = new();

        public IReadOnlyList<LogEntry> Entries => entries.ToArray();

        internal void Add(LogEntry entry) => entries.Enqueue(entry);

        public void Dispose() => recorder.recordings.TryRemove(this, out _);
    }

    private sealed class Logger(LogRecorder recorder, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => recorder.scopes.Push(state);

        // Always enabled: EF Core remembers for a while that nobody listens, and would then miss the start of a recording.
        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (recorder.recordings.IsEmpty)
                return;
            var message = new System.Text.StringBuilder(formatter(state, exception));
            if (exception is not null)
                message.AppendLine().Append(exception);
            recorder.scopes.ForEachScope((scope, text) => text.Append(" => ").Append(scope), message);
            var entry = new LogEntry(category, logLevel, message.ToString());
            foreach (var recording in recorder.recordings.Keys)
                recording.Add(entry);
        }
    }
}
