using Microsoft.Extensions.Logging;

namespace EventSourcing.Cosmos.Tests.Support;

/// <summary>A typed logger that hands every entry to <paramref name="inner"/> (a <see cref="CapturingLogger"/>).</summary>
public sealed class ForwardingLogger<T>(ILogger inner) : ILogger<T>
{
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => inner.BeginScope(state);

    public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        inner.Log(logLevel, eventId, state, exception, formatter);
}
