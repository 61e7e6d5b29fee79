using EventSourcing.Cosmos.Projections.Generations;

namespace EventSourcing.Cosmos.Projections.Runtime;

/// <summary>Waits until a read-model document reflects a stream version, as a caller reading its own write needs.</summary>
internal sealed class DocumentVersionWait(
    ChangeFeedDispatcher dispatcher, GenerationProcessors generations, IReadModelDocuments documents, ChangeFeedProjectionOptions options)
{
    /// <summary>Re-reads the active generation's document whenever this process dispatches a batch, and every <see cref="ChangeFeedProjectionOptions.WaitPollInterval"/> (another instance may apply it).</summary>
    /// <returns>False when <paramref name="timeout"/> passed first.</returns>
    public async Task<bool> WaitAsync(string projection, string key, string streamId, long version, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var time = options.TimeProvider;
        var deadline = time.GetUtcNow() + timeout;
        while (true)
        {
            // The active generation, asked each round: a switch during the wait is followed.
            var active = (await dispatcher.Generations.GetAsync(projection, cancellationToken)).Active;
            var progress = (active == 1 ? dispatcher : generations.Running(projection, active) ?? dispatcher).NextProgress;
            var loaded = await documents.LoadAsync(ProjectionGenerations.PhysicalName(projection, active), key, cancellationToken);
            if (ReadModelGuard.IsApplied(loaded?.Document, streamId, version)) return true;
            var remaining = deadline - time.GetUtcNow();
            if (remaining <= TimeSpan.Zero) return false;
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var poll = Task.Delay(remaining < options.WaitPollInterval ? remaining : options.WaitPollInterval, time, wait.Token);
            await Task.WhenAny(progress, poll);
            await wait.CancelAsync();
            cancellationToken.ThrowIfCancellationRequested();
        }
    }
}
