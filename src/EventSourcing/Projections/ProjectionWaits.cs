namespace EventSourcing.Projections;

/// <summary>
/// Read-your-writes: waiting until a projection has caught up with a position or a document with a stream version.
/// Cheap: each wait wakes on commits and reads memory (or one document) only.
/// </summary>
internal sealed class ProjectionWaits(IProjectionStore store, ProjectionAppliers appliers, GenerationCursors cursors, TimeProvider time)
{
    /// <returns>True when the active generation applied (or parked) every event up to <paramref name="position"/>; false on timeout.</returns>
    /// <exception cref="UnknownProjectionException">No projection has that name.</exception>
    public async Task<bool> ForPositionAsync(string projection, long position, TimeSpan timeout, CancellationToken cancellationToken)
    {
        appliers.Of(projection);
        await cursors.StartedAsync(cancellationToken);
        var deadline = time.GetUtcNow() + timeout;
        while (true)
        {
            var progress = cursors.Progress.Next;
            if (cursors.Active(projection)?.Checkpoint >= position) return true;
            if (!await UntilAsync(progress, deadline, cancellationToken)) return false;
        }
    }

    /// <returns>True when the document under <paramref name="key"/> reflects <paramref name="version"/> of <paramref name="streamId"/>; false on timeout.</returns>
    /// <exception cref="UnknownProjectionException">No projection has that name.</exception>
    public async Task<bool> ForDocumentVersionAsync(
        string projection, string key, string streamId, long version, TimeSpan timeout, CancellationToken cancellationToken)
    {
        appliers.Of(projection);
        await cursors.StartedAsync(cancellationToken);
        var deadline = time.GetUtcNow() + timeout;
        while (true)
        {
            var progress = cursors.Progress.Next;
            if (cursors.Active(projection) is { } active)
            {
                var found = await store.LoadDocumentsAsync(projection, active.Generation, [key], cancellationToken);
                if (found.TryGetValue(key, out var document) && document.Versions.TryGetValue(streamId, out var applied) && applied >= version)
                    return true;
            }
            if (!await UntilAsync(progress, deadline, cancellationToken)) return false;
        }
    }

    private async Task<bool> UntilAsync(Task progress, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        var remaining = deadline - time.GetUtcNow();
        if (remaining <= TimeSpan.Zero) return false;
        try
        {
            await progress.WaitAsync(remaining, time, cancellationToken);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }
}
