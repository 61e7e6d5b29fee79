namespace EventSourcing.Projections;

public sealed partial class ProjectionRunner
{
    /// <summary>Every generation of every projection: version, checkpoint, lag behind the head, status and dead letters.</summary>
    public async Task<IReadOnlyList<ProjectionStatus>> GetStatusAsync(CancellationToken cancellationToken = default)
    {
        await StartedCursorsAsync(cancellationToken);
        var head = await _feed.GetHeadPositionAsync(cancellationToken);
        var generations = await _store.GetGenerationsAsync(cancellationToken);
        return [.. generations
            .Where(g => _appliers.ContainsKey(g.Projection))
            .OrderBy(g => g.Projection, StringComparer.Ordinal).ThenBy(g => g.Generation)
            .Select(g =>
            {
                var lag = Math.Max(0, head - g.Checkpoint);
                var status = g.State == GenerationState.Building ? ProjectionStatus.Rebuilding
                    : lag > 0 ? ProjectionStatus.CatchingUp : ProjectionStatus.Running;
                return new ProjectionStatus(g.Projection, g.Generation, g.Checkpoint, lag, status, g.UpdatedAt, g.DeadLetters);
            })];
    }

    /// <summary>
    /// Starts building the next generation from position zero while the current one keeps answering reads; it takes
    /// over once it reaches the head. A rebuild already under way is left alone.
    /// </summary>
    /// <returns>The number of the generation being built.</returns>
    /// <exception cref="UnknownProjectionException">No projection has that name.</exception>
    public async Task<int> RebuildAsync(string projection, CancellationToken cancellationToken = default)
    {
        ApplierOf(projection);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var cursors = await CursorsAsync(cancellationToken);
            var building = GenerationCursor.From(await _store.StartRebuildAsync(projection, cancellationToken));
            if (!cursors.Any(c => c.IsSameGeneration(building)))
                Volatile.Write(ref _cursors, Sorted([.. cursors, building]));
            _wake.Pulse();
            return building.Generation;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Re-applies a projection's parked events in position order (in every generation): those that now succeed are
    /// removed; a stream stops at its first event that fails again, which counts one more attempt.
    /// </summary>
    /// <exception cref="UnknownProjectionException">No projection has that name.</exception>
    public async Task<DeadLetterRetryResult> RetryDeadLettersAsync(string projection, CancellationToken cancellationToken = default)
    {
        var applier = ApplierOf(projection);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var (applied, stillParked) = (0, 0);
            foreach (var cursor in (await CursorsAsync(cancellationToken)).Where(c => c.Projection == projection))
            {
                var letters = await _store.GetDeadLettersAsync(projection, cursor.Generation, cancellationToken);
                if (letters.Count == 0) continue;
                var attempts = letters.ToDictionary(l => l.Position, l => l.Attempts);
                var changes = await applier.ApplyAsync(cursor.Generation, [.. letters.Select(l => l.Event)], null, attempts, cancellationToken);
                await _store.CommitAsync(changes, cancellationToken);
                (applied, stillParked) = (applied + changes.Released.Count, stillParked + changes.Parked.Count);
            }
            _progress.Pulse();
            return new DeadLetterRetryResult(applied, stillParked);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The parked events of a projection (every generation), in generation and position order.</summary>
    /// <exception cref="UnknownProjectionException">No projection has that name.</exception>
    public async Task<IReadOnlyList<DeadLetter>> GetDeadLettersAsync(string projection, CancellationToken cancellationToken = default)
    {
        ApplierOf(projection);
        var letters = new List<DeadLetter>();
        foreach (var cursor in (await StartedCursorsAsync(cancellationToken)).Where(c => c.Projection == projection))
            letters.AddRange(await _store.GetDeadLettersAsync(projection, cursor.Generation, cancellationToken));
        return letters;
    }
}
