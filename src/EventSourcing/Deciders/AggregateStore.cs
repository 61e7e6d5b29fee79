using System.Text.Json;
using EventSourcing.Concurrency;
using EventSourcing.Serialization;
using EventSourcing.Snapshots;
using EventSourcing.Store;

namespace EventSourcing.Deciders;

/// <summary>
/// Loads state by folding events (from the latest usable snapshot when there is one) and appends
/// typed events. Temporal loads (<c>atVersion</c>, <c>asOf</c>) are computed from events; a snapshot
/// only ever shortens the read, never changes the answer.
/// </summary>
public sealed class AggregateStore(
    IEventStore store,
    EventSerializer serializer,
    ISnapshotStore? snapshots = null,
    TimeProvider? timeProvider = null,
    StateCache? cache = null)
{
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;

    /// <summary>The store this one reads and appends through, for callers that need raw streams.</summary>
    public IEventStore Events => store;

    /// <summary>The serializer that maps typed events to stored ones and back.</summary>
    public EventSerializer Serializer => serializer;

    /// <summary>
    /// Commands on one stream take turns within this process, whichever command handler runs them. Optimistic
    /// concurrency alone lets every concurrent command on a hot stream (a best-selling SKU in a checkout rush) load the
    /// same version, and only one wins each round: a command can lose every round until its retries run out. Taking
    /// turns, they meet each other's events in the state instead; conflicts are left to writers in other processes,
    /// which the command handler's retries cover.
    /// </summary>
    public KeyedTurns Turns { get; } = new();

    /// <summary>Folds the stream into state, as of <paramref name="atVersion"/> or <paramref name="asOf"/> when given.</summary>
    public async Task<LoadedState<TState>> LoadAsync<TEvent, TState>(
        string streamId,
        TState initial,
        Func<TState, TEvent, TState> evolve,
        SnapshotOptions? snapshot = null,
        long? atVersion = null,
        DateTimeOffset? asOf = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(evolve);
        var (state, version) = (initial, 0L);
        var current = atVersion is null && asOf is null;
        // A snapshot knows its version but not when its last event happened, so point-in-time
        // loads fold from the first event.
        if (current && cache is not null && cache.TryGet<TState>(streamId, out var cached, out var cachedVersion))
            (state, version) = (cached, cachedVersion);
        else if (asOf is null && await LoadUsableSnapshotAsync<TState>(streamId, snapshot, atVersion, cancellationToken) is { } snap)
            (state, version) = snap;

        if (atVersion is { } limit && version >= limit)
            return new(state, version);

        IReadOnlyList<RecordedEvent> recorded;
        try
        {
            recorded = await store.ReadStreamAsync(
                streamId, new StreamReadOptions(FromVersion: version + 1, UntilVersion: atVersion, Until: asOf), cancellationToken);
        }
        catch (StreamNotFoundException)
        {
            return new(initial, 0);
        }

        foreach (var e in recorded)
        {
            state = evolve(state, Deserialize<TEvent>(e));
            version = e.StreamVersion;
        }
        if (current) cache?.Set(streamId, state, version);
        return new(state, version);
    }

    /// <summary>Remembers the state a command just wrote, so the next command on the stream starts from it.</summary>
    public void Remember<TState>(string streamId, TState state, long version) => cache?.Set(streamId, state, version);

    /// <summary>Serializes and appends typed events atomically.</summary>
    public Task<AppendResult> AppendAsync<TEvent>(
        string streamId,
        ExpectedVersion expected,
        IReadOnlyList<TEvent> events,
        IReadOnlyList<Guid> eventIds,
        EventMetadata metadata,
        CancellationToken cancellationToken = default)
        where TEvent : notnull
    {
        var data = events.Select((e, i) => serializer.Serialize(e, eventIds[i], metadata)).ToList();
        return store.AppendAsync(streamId, expected, data, cancellationToken);
    }

    /// <summary>Saves <paramref name="state"/> as the stream's snapshot at <paramref name="version"/>.</summary>
    public Task SaveSnapshotAsync<TState>(string streamId, TState state, long version, SnapshotOptions options, CancellationToken cancellationToken = default)
    {
        if (snapshots is null) return Task.CompletedTask;
        ArgumentNullException.ThrowIfNull(options);
        var data = JsonSerializer.SerializeToUtf8Bytes(state, serializer.Options);
        return snapshots.SaveAsync(
            new Snapshot(streamId, version, options.StateType, options.SchemaVersion, data, _time.GetUtcNow()), cancellationToken);
    }

    private async Task<(TState, long)?> LoadUsableSnapshotAsync<TState>(
        string streamId, SnapshotOptions? options, long? atVersion, CancellationToken cancellationToken)
    {
        if (snapshots is null || options is null) return null;
        var snap = await snapshots.LoadAsync(streamId, cancellationToken);
        // A snapshot of another shape (older code or newer) is ignored rather than misread.
        if (snap is null || snap.StateType != options.StateType || snap.SchemaVersion != options.SchemaVersion)
            return null;
        if (atVersion is { } limit && snap.Version > limit) return null;
        var state = JsonSerializer.Deserialize<TState>(snap.Data.Span, serializer.Options);
        return state is null ? null : (state, snap.Version);
    }

    private TEvent Deserialize<TEvent>(RecordedEvent recorded) =>
        serializer.Deserialize(recorded) is TEvent typed
            ? typed
            : throw new UnknownEventTypeException(
                $"Event '{recorded.Type}' at version {recorded.StreamVersion} of '{recorded.StreamId}' is not a {typeof(TEvent).Name}.");
}
