using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace EventSourcing.Cosmos.Tests.Support;

/// <summary>Keeps every log entry, with its structured values, so tests can check what operators would see.</summary>
public sealed class CapturingLogger : ILogger
{
    private readonly ConcurrentQueue<Entry> _entries = new();

    public sealed record Entry(LogLevel Level, string Message, IReadOnlyDictionary<string, object?> Values);

    public IReadOnlyList<Entry> Entries => [.. _entries];

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        var values = state as IEnumerable<KeyValuePair<string, object?>> ?? [];
        _entries.Enqueue(new Entry(logLevel, formatter(state, exception), values.ToDictionary(v => v.Key, v => v.Value)));
    }
}
