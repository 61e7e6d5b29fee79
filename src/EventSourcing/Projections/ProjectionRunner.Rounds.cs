using EventSourcing.Store;
using Microsoft.Extensions.Logging;

namespace EventSourcing.Projections;

public sealed partial class ProjectionRunner
{
    /// <summary>One round: a page for every generation that is behind, and the switch for rebuilds that reached the head.</summary>
    /// <returns>Whether anything moved.</returns>
    internal async Task<bool> RunOnceAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var cursors = await CursorsAsync(cancellationToken);
            var head = await _feed.GetHeadPositionAsync(cancellationToken);
            var progressed = false;
            // Generations usually stand at the same checkpoint: they share one read of the page.
            (long From, IReadOnlyList<RecordedEvent> Events)? page = null;
            foreach (var cursor in cursors)
            {
                var current = cursor;
                if (current.Checkpoint < head)
                {
                    if (page?.From != current.Checkpoint + 1)
                        page = (current.Checkpoint + 1, await _feed.ReadAllAsync(current.Checkpoint + 1, _options.PageSize, cancellationToken));
                    var events = page.Value.Events;
                    if (events.Count > 0)
                    {
                        current = await CommitPageAsync(current, events, cancellationToken);
                        progressed = true;
                    }
                }
                if (current.State == GenerationState.Building && current.Checkpoint >= head)
                {
                    await PromoteAsync(current, cancellationToken);
                    progressed = true;
                }
            }
            return progressed;
        }
        catch
        {
            // Memory may now disagree with what committed; the next round reloads it from the store.
            Volatile.Write(ref _cursors, null);
            throw;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<GenerationCursor> CommitPageAsync(GenerationCursor cursor, IReadOnlyList<RecordedEvent> events, CancellationToken cancellationToken)
    {
        var checkpoint = events[^1].Position
            ?? throw new InvalidOperationException("The feed returned an event without a global position; projections need one.");
        var changes = await _appliers[cursor.Projection].ApplyAsync(cursor.Generation, events, checkpoint, null, cancellationToken);
        await _store.CommitAsync(changes, cancellationToken);
        foreach (var letter in changes.Parked.Where(l => l.Attempts > 0 && _logger.IsEnabled(LogLevel.Warning)))
            _logger.LogWarning("Projection {Projection} v{Generation} parked event at position {Position} of {Stream}: {Error}",
                cursor.Projection, cursor.Generation, letter.Position, letter.Event.StreamId, letter.Error);

        var next = cursor with { Checkpoint = checkpoint };
        Volatile.Write(ref _cursors, [.. _cursors!.Select(c => c.IsSameGeneration(cursor) ? next : c)]);
        _progress.Pulse();
        return next;
    }

    private async Task PromoteAsync(GenerationCursor building, CancellationToken cancellationToken)
    {
        await _store.PromoteAsync(building.Projection, building.Generation, cancellationToken);
        var others = _cursors!.Where(c => c.Projection != building.Projection);
        Volatile.Write(ref _cursors, Sorted([.. others, building with { State = GenerationState.Active }]));
        _progress.Pulse();
        if (_logger.IsEnabled(LogLevel.Information))
            _logger.LogInformation("Projection {Projection} v{Generation} is rebuilt and now answers reads.", building.Projection, building.Generation);
    }

    /// <summary>The cursors, loaded (and missing projections created) on first use or after a failure. Call under the gate.</summary>
    private async Task<GenerationCursor[]> CursorsAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _cursors) is { } cursors) return cursors;
        var generations = await _store.EnsureProjectionsAsync([.. _appliers.Values.Select(a => a.Projection)], cancellationToken);
        cursors = Sorted(generations.Where(g => _appliers.ContainsKey(g.Projection)).Select(GenerationCursor.From));
        Volatile.Write(ref _cursors, cursors);
        return cursors;
    }

    private async Task<GenerationCursor[]> StartedCursorsAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _cursors) is { } cursors) return cursors;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return await CursorsAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    private static GenerationCursor[] Sorted(IEnumerable<GenerationCursor> cursors) =>
        [.. cursors.OrderBy(c => c.Projection, StringComparer.Ordinal).ThenBy(c => c.Generation)];

    private PageApplier ApplierOf(string projection) =>
        _appliers.TryGetValue(projection, out var applier) ? applier : throw new UnknownProjectionException(projection);
}
