using EventSourcing.Store;
using Microsoft.Extensions.Logging;

namespace EventSourcing.Projections;

/// <summary>
/// One round over every generation: a page of events after its checkpoint applied and committed with the new
/// checkpoint, and the switch for rebuilds that reached the head.
/// </summary>
internal sealed class ProjectionRound(
    IEventFeed feed, IProjectionStore store, ProjectionAppliers appliers, GenerationCursors cursors, ProjectionRebuilds rebuilds, int pageSize, ILogger logger)
{
    /// <returns>Whether anything moved.</returns>
    public async Task<bool> RunAsync(CancellationToken cancellationToken)
    {
        using var turn = await cursors.EnterAsync(cancellationToken);
        try
        {
            var loaded = await cursors.LoadAsync(cancellationToken);
            var head = await feed.GetHeadPositionAsync(cancellationToken);
            var progressed = false;
            // Generations usually stand at the same checkpoint: they share one read of the page.
            (long From, IReadOnlyList<RecordedEvent> Events)? page = null;
            foreach (var cursor in loaded)
            {
                var current = cursor;
                if (current.Checkpoint < head)
                {
                    if (page?.From != current.Checkpoint + 1)
                        page = (current.Checkpoint + 1, await feed.ReadAllAsync(current.Checkpoint + 1, pageSize, cancellationToken));
                    var events = page.Value.Events;
                    if (events.Count > 0)
                    {
                        current = await CommitPageAsync(current, events, cancellationToken);
                        progressed = true;
                    }
                }
                if (current.State == GenerationState.Building && current.Checkpoint >= head)
                {
                    await rebuilds.PromoteAsync(current, cancellationToken);
                    progressed = true;
                }
            }
            return progressed;
        }
        catch
        {
            cursors.Forget();
            throw;
        }
    }

    private async Task<GenerationCursor> CommitPageAsync(GenerationCursor cursor, IReadOnlyList<RecordedEvent> events, CancellationToken cancellationToken)
    {
        var checkpoint = events[^1].Position
            ?? throw new InvalidOperationException("The feed returned an event without a global position; projections need one.");
        var changes = await appliers.Of(cursor.Projection).ApplyAsync(cursor.Generation, events, checkpoint, null, cancellationToken);
        await store.CommitAsync(changes, cancellationToken);
        foreach (var letter in changes.Parked.Where(l => l.Attempts > 0 && logger.IsEnabled(LogLevel.Warning)))
            logger.LogWarning("Projection {Projection} v{Generation} parked event at position {Position} of {Stream}: {Error}",
                cursor.Projection, cursor.Generation, letter.Position, letter.Event.StreamId, letter.Error);

        var next = cursor with { Checkpoint = checkpoint };
        cursors.Moved(cursor, next);
        return next;
    }
}
