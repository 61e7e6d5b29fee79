using EventSourcing.Store;

namespace Ordering.LocalHost.Tests.Support;

/// <summary>
/// The host's event store failing the way a timeout after a commit does: once armed, the next append to a stream of
/// the prefix is written, and then the caller gets the fault instead of the result.
/// </summary>
public sealed class FaultAfterCommitStore(IEventStore inner, string streamPrefix) : IEventStore
{
    private Func<string, Exception>? _fault;

    /// <summary>Appends that committed and were answered with the fault.</summary>
    public int Faulted { get; private set; }

    /// <summary>Makes the next matching append commit and then throw what <paramref name="fault"/> makes.</summary>
    public void FailNextAfterCommit(Func<string, Exception> fault) => _fault = fault;

    public async Task<AppendResult> AppendAsync(string streamId, ExpectedVersion expectedVersion, IReadOnlyList<EventData> events, CancellationToken cancellationToken = default)
    {
        var result = await inner.AppendAsync(streamId, expectedVersion, events, cancellationToken);
        if (streamId.StartsWith(streamPrefix, StringComparison.Ordinal) && Interlocked.Exchange(ref _fault, null) is { } fault)
        {
            Faulted++;
            throw fault(streamId);
        }
        return result;
    }

    public Task<IReadOnlyList<RecordedEvent>> ReadStreamAsync(string streamId, StreamReadOptions options, CancellationToken cancellationToken = default) =>
        inner.ReadStreamAsync(streamId, options, cancellationToken);

    public Task<long> GetStreamVersionAsync(string streamId, CancellationToken cancellationToken = default) =>
        inner.GetStreamVersionAsync(streamId, cancellationToken);
}
