using Microsoft.Extensions.Logging;

namespace EventSourcing.Sagas.Embedded;

/// <summary>Logs only when the orchestrator runs code for the first time, so a replay does not repeat its lines.</summary>
internal sealed class ReplaySafeLogger(IOrchestrationContext context, ILogger inner) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => inner.BeginScope(state);

    public bool IsEnabled(LogLevel logLevel) => !context.IsReplaying && inner.IsEnabled(logLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!context.IsReplaying) inner.Log(logLevel, eventId, state, exception, formatter);
    }
}
