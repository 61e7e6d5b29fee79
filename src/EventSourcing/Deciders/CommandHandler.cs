using EventSourcing.Snapshots;
using EventSourcing.Store;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EventSourcing.Deciders;

/// <summary>
/// The one command handler: load, fold, decide, append with the expected version, and on a
/// concurrency conflict try again from fresh state a bounded number of times. Commands on one stream take turns
/// within the process (<see cref="AggregateStore.Turns"/>), so the conflicts left are with other processes.
/// </summary>
public sealed partial class CommandHandler<TCommand, TEvent, TState>(
    AggregateStore store,
    Decider<TCommand, TEvent, TState> decider,
    CommandHandlerOptions? options = null,
    ILogger? logger = null)
    where TEvent : notnull
{
    private readonly CommandHandlerOptions _options = options ?? new();
    private readonly ILogger _logger = logger ?? NullLogger.Instance;

    /// <summary>Handles <paramref name="command"/> against the stream's current state.</summary>
    /// <exception cref="WrongExpectedVersionException">
    /// The caller's exact expected version is stale, or conflicts outlasted the retries.
    /// </exception>
    public Task<CommandResult<TState, TEvent>> HandleAsync(
        string streamId, TCommand command, CommandContext? context = null, CancellationToken cancellationToken = default) =>
        HandleAsync(streamId, [command], context, cancellationToken);

    /// <summary>
    /// Handles several commands as one unit: each is decided against the state the previous ones left, and all
    /// their events are appended atomically, or none if any command is refused.
    /// </summary>
    /// <exception cref="WrongExpectedVersionException">
    /// The caller's exact expected version is stale, or conflicts outlasted the retries.
    /// </exception>
    public async Task<CommandResult<TState, TEvent>> HandleAsync(
        string streamId, IReadOnlyList<TCommand> commands, CommandContext? context = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(commands);
        context ??= CommandContext.None;
        StreamId.Validate(streamId);
        using var turn = await store.Turns.EnterAsync(streamId, cancellationToken);
        for (var attempt = 0; ; attempt++)
        {
            var loaded = await store.LoadAsync(streamId, decider.Initial, decider.Evolve, _options.Snapshots, cancellationToken: cancellationToken);
            if (context.ExpectedVersion is { } callerExpects && !callerExpects.IsSatisfiedBy(loaded.Version))
                throw new WrongExpectedVersionException(streamId, callerExpects, loaded.Version);

            var events = DecideAll(commands, loaded.State);
            if (events.Count == 0) return new(loaded.State, loaded.Version, null, events);

            try
            {
                var ids = EventIds.For(context.IdempotencyKey, streamId, events.Count);
                var result = await store.AppendAsync(
                    streamId, ExpectedVersion.Exact(loaded.Version), events, ids, context.ToMetadata(), cancellationToken);
                var state = decider.Fold(loaded.State, events);
                store.Remember(streamId, state, result.StreamVersion);
                await TrySnapshotAsync(streamId, state, loaded.Version, result.StreamVersion, cancellationToken);
                return new(state, result.StreamVersion, result.Position, events);
            }
            catch (DuplicateEventIdException e) when (context.IdempotencyKey is not null && e.ExistingStreamId == streamId)
            {
                // The same idempotent command already committed in this stream: answer with today's state.
                var current = await store.LoadAsync(streamId, decider.Initial, decider.Evolve, _options.Snapshots, cancellationToken: cancellationToken);
                return new(current.State, current.Version, null, []);
            }
            catch (WrongExpectedVersionException e) when (context.ExpectedVersion is not { IsExact: true } && attempt < _options.MaxConflictRetries)
            {
                LogConflict(_logger, streamId, e.Actual, attempt + 1);
            }
        }
    }

    private List<TEvent> DecideAll(IReadOnlyList<TCommand> commands, TState state)
    {
        var events = new List<TEvent>();
        foreach (var command in commands)
        {
            var decided = decider.Decide(command, state);
            state = decider.Fold(state, decided);
            events.AddRange(decided);
        }
        return events;
    }

    private async Task TrySnapshotAsync(string streamId, TState state, long before, long after, CancellationToken cancellationToken)
    {
        if (_options.Snapshots is not { } snapshots || !snapshots.Policy.ShouldSnapshot(before, after)) return;
        try
        {
            await store.SaveSnapshotAsync(streamId, state, after, snapshots, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The events are committed and acknowledged; a missing snapshot only costs a longer read later.
            LogSnapshotFailed(_logger, e, streamId, after);
        }
    }

    [LoggerMessage(LogLevel.Debug, "Conflict on {StreamId} (now at {Actual}); retry {Attempt}")]
    private static partial void LogConflict(ILogger logger, string streamId, long actual, int attempt);

    [LoggerMessage(LogLevel.Warning, "Snapshot of {StreamId} at {Version} failed")]
    private static partial void LogSnapshotFailed(ILogger logger, Exception exception, string streamId, long version);
}
