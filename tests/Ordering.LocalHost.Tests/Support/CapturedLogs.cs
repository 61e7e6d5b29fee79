using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Ordering.LocalHost.Tests.Support;

/// <summary>Every log entry the host writes, with its exception, for tests that check what goes to the logs.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<(string Category, string Message, Exception? Exception)> _entries = new();

    public IReadOnlyCollection<(string Category, string Message, Exception? Exception)> Entries => _entries;

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries);

    public void Dispose() { }

    private sealed class Logger(string category, ConcurrentQueue<(string, string, Exception?)> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel)) entries.Enqueue((category, formatter(state, exception), exception));
        }
    }
}
