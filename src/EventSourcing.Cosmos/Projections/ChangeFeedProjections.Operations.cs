using EventSourcing.Projections;

namespace EventSourcing.Cosmos.Projections;

public sealed partial class ChangeFeedProjections
{
    /// <exception cref="NotSupportedException">Always: rebuilding a change-feed projection is not implemented yet.</exception>
    public Task<int> RebuildAsync(string projection, CancellationToken cancellationToken = default)
    {
        _dispatcher.ProjectionOf(projection);
        throw new NotSupportedException(
            $"Rebuilding '{projection}' is not supported on Cosmos yet: start a processor with a new name into a new read-model container instead.");
    }

    public Task<DeadLetterRetryResult> RetryDeadLettersAsync(string projection, CancellationToken cancellationToken = default) =>
        _dispatcher.RetryDeadLettersAsync(projection, cancellationToken);

    public Task<IReadOnlyList<DeadLetter>> GetDeadLettersAsync(string projection, CancellationToken cancellationToken = default)
    {
        _dispatcher.ProjectionOf(projection);
        return _deadLetters.GetAsync(projection, cancellationToken);
    }

    /// <exception cref="NotSupportedException">Always: Cosmos has no global position; wait for a document version instead.</exception>
    public Task<bool> WaitForPositionAsync(string projection, long position, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        _dispatcher.ProjectionOf(projection);
        throw new NotSupportedException("Cosmos has no global position; use WaitForDocumentVersionAsync.");
    }

    /// <summary>Re-reads the document whenever this process dispatches a batch, and every <see cref="ChangeFeedProjectionOptions.WaitPollInterval"/> (another instance may apply it).</summary>
    public async Task<bool> WaitForDocumentVersionAsync(
        string projection, string key, string streamId, long version, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        _dispatcher.ProjectionOf(projection);
        var time = _options.TimeProvider;
        var deadline = time.GetUtcNow() + timeout;
        while (true)
        {
            var progress = _dispatcher.NextProgress;
            var loaded = await _documents.LoadAsync(projection, key, cancellationToken);
            if (ReadModelGuard.IsApplied(loaded?.Document, streamId, version)) return true;
            var remaining = deadline - time.GetUtcNow();
            if (remaining <= TimeSpan.Zero) return false;
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var poll = Task.Delay(remaining < _options.WaitPollInterval ? remaining : _options.WaitPollInterval, time, wait.Token);
            await Task.WhenAny(progress, poll);
            await wait.CancelAsync();
            cancellationToken.ThrowIfCancellationRequested();
        }
    }
}
