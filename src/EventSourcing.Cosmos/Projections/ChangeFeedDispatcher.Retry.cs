using EventSourcing.Projections;

namespace EventSourcing.Cosmos.Projections;

public sealed partial class ChangeFeedDispatcher
{
    /// <summary>
    /// Re-applies a projection's parked events, each stream in version order: those that now succeed (or turn out to
    /// need nothing) are removed; a stream stops at its first event that fails again, which counts one more attempt,
    /// and the rest of that stream stay parked behind it.
    /// </summary>
    /// <exception cref="UnknownProjectionException">No projection has that name.</exception>
    public async Task<DeadLetterRetryResult> RetryDeadLettersAsync(string projection, CancellationToken cancellationToken = default)
    {
        var target = ProjectionOf(projection);
        var letters = await PersistAsync(ct => _deadLetters.GetAsync(projection, ct), cancellationToken);
        var (applied, stillParked) = (0, 0);
        foreach (var stream in letters.GroupBy(l => l.Event.StreamId, StringComparer.Ordinal))
        {
            long? blockedAt = null;
            foreach (var letter in stream.OrderBy(l => l.Event.StreamVersion))
            {
                var version = letter.Event.StreamVersion;
                var error = blockedAt is { } first ? Waiting(first) : await TryApplyAsync(target, letter, cancellationToken);
                if (error is null)
                {
                    await PersistAsync(async ct => { await _deadLetters.ReleaseAsync(letter, ct); return true; }, cancellationToken);
                    applied++;
                    continue;
                }
                await ParkAsync(target, letter.Event, error, blockedAt is null ? letter.Attempts + 1 : letter.Attempts, cancellationToken);
                blockedAt ??= version;
                stillParked++;
            }
        }
        Progressed();
        return new DeadLetterRetryResult(applied, stillParked);
    }

    /// <summary>The projection named <paramref name="name"/>.</summary>
    /// <exception cref="UnknownProjectionException">No projection has that name.</exception>
    public IProjection ProjectionOf(string name) =>
        _projections.FirstOrDefault(p => p.Name == name) ?? throw new UnknownProjectionException(name);

    private async Task<string?> TryApplyAsync(IProjection projection, DeadLetter letter, CancellationToken cancellationToken)
    {
        var item = Decode(letter.Event).For(projection, _logger);
        if (item.Ignored || (item.Error is null && item.Key is null)) return null;
        if (item.Error is { } error) return error;
        // A parked event was never applied, so a stream its document has forgotten since does not make it suspect.
        return await ApplyRunAsync(projection, item.Key!, [item], parked: true, cancellationToken) is { } failure ? failure.Error : null;
    }
}
