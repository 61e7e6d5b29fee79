using System.Collections.Concurrent;
using EventSourcing.Store;

namespace Ordering.LocalHost.Tests.Support;

/// <summary>
/// The host's event store with a gate: appends to streams of one prefix wait until the test opens it, so a test can
/// hold a command at the point of writing while it sends another request, and count how many commands got there.
/// </summary>
public sealed class GatedEventStore(IEventStore inner, string streamPrefix) : IEventStore
{
    private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _first = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _second = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentQueue<string> _arrived = new();

    /// <summary>Completes when the first append has reached the gate.</summary>
    public Task FirstArrived => _first.Task;

    /// <summary>Completes when a second append has reached the gate: a second command ran.</summary>
    public Task SecondArrived => _second.Task;

    /// <summary>How many appends reached the gate.</summary>
    public int Arrivals => _arrived.Count;

    public void Open() => _open.TrySetResult();

    public async Task<AppendResult> AppendAsync(string streamId, ExpectedVersion expectedVersion, IReadOnlyList<EventData> events, CancellationToken cancellationToken = default)
    {
        if (streamId.StartsWith(streamPrefix, StringComparison.Ordinal))
        {
            _arrived.Enqueue(streamId);
            (_arrived.Count == 1 ? _first : _second).TrySetResult();
            await _open.Task.WaitAsync(cancellationToken);
        }
        return await inner.AppendAsync(streamId, expectedVersion, events, cancellationToken);
    }

    public Task<IReadOnlyList<RecordedEvent>> ReadStreamAsync(string streamId, StreamReadOptions options, CancellationToken cancellationToken = default) =>
        inner.ReadStreamAsync(streamId, options, cancellationToken);

    public Task<long> GetStreamVersionAsync(string streamId, CancellationToken cancellationToken = default) =>
        inner.GetStreamVersionAsync(streamId, cancellationToken);
}
