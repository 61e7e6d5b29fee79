using EventSourcing.Cosmos.Projections.Generations;
using EventSourcing.Projections;

namespace EventSourcing.Cosmos.Projections;

public sealed partial class ChangeFeedProjections
{
    /// <summary>Re-applies the parked events of the projection's active generation, through the dispatcher that writes it.</summary>
    /// <exception cref="UnknownProjectionException">No projection has that name.</exception>
    public async Task<DeadLetterRetryResult> RetryDeadLettersAsync(string projection, CancellationToken cancellationToken = default)
    {
        _dispatcher.ProjectionOf(projection);
        var active = (await _dispatcher.Generations.GetAsync(projection, cancellationToken)).Active;
        if (active == 1) return await _dispatcher.RetryDeadLettersAsync(projection, cancellationToken);
        // Not running here (another instance holds its leases): a dispatcher of its own is as safe as the main one's retry, ETags guard both.
        var dispatcher = RunningDispatcher(projection, active) ?? _dispatcher.ForGeneration(projection, active);
        return await dispatcher.RetryDeadLettersAsync(ProjectionGenerations.PhysicalName(projection, active), cancellationToken);
    }

    /// <summary>The parked events of the projection's active generation.</summary>
    public async Task<IReadOnlyList<DeadLetter>> GetDeadLettersAsync(string projection, CancellationToken cancellationToken = default)
    {
        _dispatcher.ProjectionOf(projection);
        return await _deadLetters.GetAsync(await _dispatcher.Generations.ActiveNameAsync(projection, cancellationToken), cancellationToken);
    }

    /// <exception cref="NotSupportedException">Always: Cosmos has no global position; wait for a document version instead.</exception>
    public Task<bool> WaitForPositionAsync(string projection, long position, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        _dispatcher.ProjectionOf(projection);
        throw new NotSupportedException("Cosmos has no global position; use WaitForDocumentVersionAsync.");
    }

    /// <summary>Re-reads the active generation's document whenever this process dispatches a batch, and every <see cref="ChangeFeedProjectionOptions.WaitPollInterval"/> (another instance may apply it).</summary>
    public async Task<bool> WaitForDocumentVersionAsync(
        string projection, string key, string streamId, long version, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        _dispatcher.ProjectionOf(projection);
        var time = _options.TimeProvider;
        var deadline = time.GetUtcNow() + timeout;
        while (true)
        {
            // The active generation, asked each round: a switch during the wait is followed.
            var active = (await _dispatcher.Generations.GetAsync(projection, cancellationToken)).Active;
            var progress = (active == 1 ? _dispatcher : RunningDispatcher(projection, active) ?? _dispatcher).NextProgress;
            var loaded = await _documents.LoadAsync(ProjectionGenerations.PhysicalName(projection, active), key, cancellationToken);
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
