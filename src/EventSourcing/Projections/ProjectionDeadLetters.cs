namespace EventSourcing.Projections;

/// <summary>The events projections parked: listing them, and applying them again once what made them fail is fixed.</summary>
internal sealed class ProjectionDeadLetters(IProjectionStore store, ProjectionAppliers appliers, GenerationCursors cursors)
{
    /// <summary>
    /// Re-applies a projection's parked events in position order (in every generation): those that now succeed are
    /// removed; a stream stops at its first event that fails again, which counts one more attempt.
    /// </summary>
    /// <exception cref="UnknownProjectionException">No projection has that name.</exception>
    public async Task<DeadLetterRetryResult> RetryAsync(string projection, CancellationToken cancellationToken)
    {
        var applier = appliers.Of(projection);
        using var turn = await cursors.EnterAsync(cancellationToken);
        var (applied, stillParked) = (0, 0);
        foreach (var cursor in (await cursors.LoadAsync(cancellationToken)).Where(c => c.Projection == projection))
        {
            var letters = await store.GetDeadLettersAsync(projection, cursor.Generation, cancellationToken);
            if (letters.Count == 0) continue;
            var attempts = letters.ToDictionary(l => l.Position, l => l.Attempts);
            var changes = await applier.ApplyAsync(cursor.Generation, [.. letters.Select(l => l.Event)], null, attempts, cancellationToken);
            await store.CommitAsync(changes, cancellationToken);
            (applied, stillParked) = (applied + changes.Released.Count, stillParked + changes.Parked.Count);
        }
        cursors.Progress.Pulse();
        return new DeadLetterRetryResult(applied, stillParked);
    }

    /// <summary>The parked events of a projection (every generation), in generation and position order.</summary>
    /// <exception cref="UnknownProjectionException">No projection has that name.</exception>
    public async Task<IReadOnlyList<DeadLetter>> ListAsync(string projection, CancellationToken cancellationToken)
    {
        appliers.Of(projection);
        var letters = new List<DeadLetter>();
        foreach (var cursor in (await cursors.StartedAsync(cancellationToken)).Where(c => c.Projection == projection))
            letters.AddRange(await store.GetDeadLettersAsync(projection, cursor.Generation, cancellationToken));
        return letters;
    }
}
