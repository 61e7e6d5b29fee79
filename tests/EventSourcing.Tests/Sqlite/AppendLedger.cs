using System.Collections.Concurrent;
using EventSourcing.Store;

namespace EventSourcing.Tests.Sqlite;

/// <summary>
/// Writers that each own a stream and append to it as a command would (at the version they last saw), and a record
/// of what each append was told: acknowledged, known not committed, outcome unknown, a conflict or an untyped error.
/// Afterwards, <see cref="AssertAgreesWith"/> holds those answers against what the reopened database holds.
/// </summary>
public sealed class AppendLedger
{
    private readonly ConcurrentDictionary<Guid, string> _acknowledged = new();
    private readonly ConcurrentDictionary<Guid, string> _notCommitted = new();
    private readonly ConcurrentDictionary<Guid, string> _unknown = new();
    private readonly ConcurrentQueue<Exception> _untyped = new();
    private readonly ConcurrentQueue<string> _conflicts = new();

    public int Acknowledged => _acknowledged.Count;
    public int NotCommitted => _notCommitted.Count;
    public int Unknown => _unknown.Count;
    public int Failed => _notCommitted.Count + _unknown.Count + _untyped.Count;

    public override string ToString() =>
        $"{Acknowledged} acknowledged, {NotCommitted} not committed, {Unknown} outcome unknown, {_conflicts.Count} conflicts, {_untyped.Count} untyped errors";

    /// <summary>Appends one event at a time to <paramref name="streamId"/> while <paramref name="keepGoing"/> says so.</summary>
    public async Task RunWriterAsync(IEventStore store, string streamId, int payloadBytes, Func<bool> keepGoing, CancellationToken cancellationToken)
    {
        var payload = new byte[payloadBytes];
        var version = 0L;
        while (keepGoing())
        {
            cancellationToken.ThrowIfCancellationRequested();
            Random.Shared.NextBytes(payload);
            if (await AppendOnceAsync(store, streamId, version, payload, cancellationToken) is { } written) version = written;
            else version = await store.GetStreamVersionAsync(streamId, cancellationToken);
        }
    }

    /// <summary>One append at <paramref name="version"/>; returns the new version, or null when it did not succeed.</summary>
    public async Task<long?> AppendOnceAsync(IEventStore store, string streamId, long version, byte[] payload, CancellationToken cancellationToken)
    {
        var e = new EventData(Guid.NewGuid(), "Tick", 1, payload, EventMetadata.Empty);
        try
        {
            var result = await store.AppendAsync(streamId, ExpectedVersion.Exact(version), [e], cancellationToken);
            _acknowledged[e.EventId] = streamId;
            return result.StreamVersion;
        }
        catch (StoreUnavailableException)
        {
            _notCommitted[e.EventId] = streamId;
        }
        catch (AppendOutcomeUnknownException)
        {
            _unknown[e.EventId] = streamId;
        }
        catch (WrongExpectedVersionException conflict)
        {
            // Each writer owns its stream: a conflict means the store told it a version that was not the truth.
            _conflicts.Enqueue(conflict.Message);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            _untyped.Enqueue(error);
        }
        return null;
    }

    /// <summary>
    /// Every acknowledged event is stored, none that was reported not committed is, every error was a typed storage
    /// error, and no writer was ever told a stale version (no conflicts on a stream only it writes).
    /// </summary>
    public void AssertAgreesWith(IReadOnlyList<RecordedEvent> stored)
    {
        Assert.True(_untyped.IsEmpty,
            $"{_untyped.Count} appends failed with an untyped error, e.g. {_untyped.FirstOrDefault()}");
        Assert.True(_conflicts.IsEmpty,
            $"{_conflicts.Count} appends conflicted on a stream only their writer writes (a stale version), e.g. {_conflicts.FirstOrDefault()}");
        var storedIds = stored.Select(e => e.EventId).ToHashSet();
        var lost = _acknowledged.Keys.Where(id => !storedIds.Contains(id)).ToList();
        Assert.True(lost.Count == 0, $"{lost.Count} of {_acknowledged.Count} acknowledged events are not stored, e.g. {lost.FirstOrDefault()}");
        var kept = _notCommitted.Keys.Where(storedIds.Contains).ToList();
        Assert.True(kept.Count == 0, $"{kept.Count} of {_notCommitted.Count} events reported as not committed are stored, e.g. {kept.FirstOrDefault()}");
        foreach (var stream in stored.GroupBy(e => e.StreamId))
            Assert.Equal(Enumerable.Range(1, stream.Count()).Select(v => (long)v), stream.Select(e => e.StreamVersion));
    }
}
