namespace EventSourcing.Projections;

public sealed partial class ProjectionRunner
{
    /// <summary>
    /// Waits until the projection's active generation has applied (or parked) every event up to <paramref name="position"/>,
    /// e.g. the position an append returned. Cheap: it wakes on each commit and reads memory only. Progress needs
    /// <see cref="RunAsync"/> running (or someone calling <see cref="CatchUpAsync"/>).
    /// </summary>
    /// <returns>True when reached; false when <paramref name="timeout"/> passed first.</returns>
    /// <exception cref="UnknownProjectionException">No projection has that name.</exception>
    public async Task<bool> WaitForPositionAsync(string projection, long position, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ApplierOf(projection);
        await StartedCursorsAsync(cancellationToken);
        var deadline = _options.TimeProvider.GetUtcNow() + timeout;
        while (true)
        {
            var progress = _progress.Next;
            if (ActiveCursor(projection)?.Checkpoint >= position) return true;
            if (!await WaitUntilAsync(progress, deadline, cancellationToken)) return false;
        }
    }

    /// <summary>
    /// Waits until the document under <paramref name="key"/> reflects version <paramref name="version"/> (or later) of
    /// <paramref name="streamId"/>, e.g. the version a command returned: read-your-writes for one document.
    /// Reads the document's stored versions once per commit.
    /// </summary>
    /// <returns>True when reached; false when <paramref name="timeout"/> passed first (the read model is stale).</returns>
    /// <exception cref="UnknownProjectionException">No projection has that name.</exception>
    public async Task<bool> WaitForDocumentVersionAsync(
        string projection, string key, string streamId, long version, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ApplierOf(projection);
        await StartedCursorsAsync(cancellationToken);
        var deadline = _options.TimeProvider.GetUtcNow() + timeout;
        while (true)
        {
            var progress = _progress.Next;
            if (ActiveCursor(projection) is { } active)
            {
                var found = await _store.LoadDocumentsAsync(projection, active.Generation, [key], cancellationToken);
                if (found.TryGetValue(key, out var document) && document.Versions.TryGetValue(streamId, out var applied) && applied >= version)
                    return true;
            }
            if (!await WaitUntilAsync(progress, deadline, cancellationToken)) return false;
        }
    }

    private GenerationCursor? ActiveCursor(string projection) =>
        Volatile.Read(ref _cursors)?.FirstOrDefault(c => c.Projection == projection && c.State == GenerationState.Active);

    private async Task<bool> WaitUntilAsync(Task progress, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        var remaining = deadline - _options.TimeProvider.GetUtcNow();
        if (remaining <= TimeSpan.Zero) return false;
        try
        {
            await progress.WaitAsync(remaining, _options.TimeProvider, cancellationToken);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    private async Task WaitForWorkAsync(Task woken, CancellationToken cancellationToken)
    {
        // With nothing to follow there is nothing to wake for but a rebuild or the poll.
        var after = Volatile.Read(ref _cursors) is { Length: > 0 } cursors ? cursors.Min(c => c.Checkpoint) : long.MaxValue;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var newEvents = _feed.WaitForEventsAsync(after, stop.Token);
        var poll = Task.Delay(_options.PollInterval, _options.TimeProvider, stop.Token);
        await Task.WhenAny(newEvents, poll, woken);
        await stop.CancelAsync();
        await WaitAsync(newEvents);
        await WaitAsync(poll);
    }

    // Awaits a task whose outcome does not matter (a cancelled wait, or a feed fault the next round reports).
    private static async Task WaitAsync(Task task)
    {
        try
        {
            await task;
        }
#pragma warning disable CA1031
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }
}
