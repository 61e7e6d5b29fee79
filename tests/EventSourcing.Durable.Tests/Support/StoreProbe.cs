using System.Collections.Concurrent;
using EventSourcing.Store;

namespace EventSourcing.Durable.Tests.Support;

/// <summary>
/// The host's event store with what a test needs around it: reads and appends counted per stream, appends that fail
/// as a store outage would (a timeout, before anything is written), and appends held before or just after they commit,
/// so a test can stop a saga inside one of its activities.
/// </summary>
internal sealed class StoreProbe(IEventStore inner) : IEventStore
{
    private readonly ConcurrentDictionary<string, int> _reads = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<DateTimeOffset>> _appends = new();
    private readonly ConcurrentDictionary<string, int> _failures = new();
    private readonly ConcurrentDictionary<string, Hold> _holdsBefore = new();

    public int Reads(string streamId) => _reads.GetValueOrDefault(streamId);

    /// <summary>When each append to the stream was attempted, failed ones included.</summary>
    public IReadOnlyList<DateTimeOffset> Appends(string streamId) => [.. _appends.GetOrAdd(streamId, _ => new())];

    /// <summary>The next <paramref name="count"/> appends to the stream time out without writing.</summary>
    public void FailNextAppends(string streamId, int count) => _failures[streamId] = count;

    /// <summary>Every append to the stream waits, before writing, until the hold is released.</summary>
    public Hold HoldAppends(string streamId) => _holdsBefore.GetOrAdd(streamId, id => new Hold(() => _holdsBefore.TryRemove(id, out _)));

    public async Task<AppendResult> AppendAsync(string streamId, ExpectedVersion expectedVersion, IReadOnlyList<EventData> events, CancellationToken cancellationToken = default)
    {
        _appends.GetOrAdd(streamId, _ => new()).Enqueue(DateTimeOffset.UtcNow);
        if (_holdsBefore.TryGetValue(streamId, out var before)) await before.WaitAsync(cancellationToken);
        if (TakeFailure(streamId)) throw new TimeoutException($"Injected: the store did not answer an append to {streamId}.");
        var result = await inner.AppendAsync(streamId, expectedVersion, events, cancellationToken);
        return result;
    }

    public Task<IReadOnlyList<RecordedEvent>> ReadStreamAsync(string streamId, StreamReadOptions options, CancellationToken cancellationToken = default)
    {
        _reads.AddOrUpdate(streamId, 1, (_, n) => n + 1);
        return inner.ReadStreamAsync(streamId, options, cancellationToken);
    }

    public Task<long> GetStreamVersionAsync(string streamId, CancellationToken cancellationToken = default) =>
        inner.GetStreamVersionAsync(streamId, cancellationToken);

    private bool TakeFailure(string streamId)
    {
        while (_failures.TryGetValue(streamId, out var left) && left > 0)
            if (_failures.TryUpdate(streamId, left - 1, left)) return true;
        return false;
    }

    /// <summary>Appends or activities waiting on a test: <see cref="IsHolding"/> once one waits, <see cref="Release"/> lets them all go.</summary>
    public sealed class Hold(Action onRelease)
    {
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _waiting;

        public bool IsHolding => Volatile.Read(ref _waiting) > 0 && !_released.Task.IsCompleted;

        public void Release()
        {
            onRelease();
            _released.TrySetResult();
        }

        internal async Task WaitAsync(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _waiting);
            await _released.Task.WaitAsync(cancellationToken);
        }
    }
}
