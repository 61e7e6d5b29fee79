namespace EventSourcing.Projections;

/// <summary>
/// Where the runner stands in every generation it runs, loaded from the store on first use (creating missing
/// projections) and again after a failure. Changes happen under <see cref="EnterAsync"/>, so the follow loop,
/// catch-up, rebuilds and retries take turns; reads take no lock, since the array is replaced, never changed.
/// </summary>
internal sealed class GenerationCursors(IProjectionStore store, ProjectionAppliers appliers) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private GenerationCursor[]? _cursors;

    /// <summary>Pulsed after every commit, promotion and retry; waiters re-check their condition then.</summary>
    public ProgressSignal Progress { get; } = new();

    /// <summary>Pulsed when a rebuild starts, so an idle follow loop picks it up without waiting for new events.</summary>
    public ProgressSignal Wake { get; } = new();

    /// <summary>The cursors as last loaded or changed; null before the first load and after a failure.</summary>
    public GenerationCursor[]? Current => Volatile.Read(ref _cursors);

    /// <summary>Takes the turn to change documents or cursors; dispose the result to give it back.</summary>
    public async Task<Turn> EnterAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        return new Turn(_gate);
    }

    /// <summary>The cursors, loaded (and missing projections created) on first use or after a failure. Call during a turn.</summary>
    public async Task<GenerationCursor[]> LoadAsync(CancellationToken cancellationToken)
    {
        if (Current is { } cursors) return cursors;
        var generations = await store.EnsureProjectionsAsync(appliers.Projections, cancellationToken);
        cursors = Sorted(generations.Where(g => appliers.Contains(g.Projection)).Select(GenerationCursor.From));
        Volatile.Write(ref _cursors, cursors);
        return cursors;
    }

    /// <summary>The cursors, taking a turn only when they are not loaded yet.</summary>
    public async Task<GenerationCursor[]> StartedAsync(CancellationToken cancellationToken)
    {
        if (Current is { } cursors) return cursors;
        using var turn = await EnterAsync(cancellationToken);
        return await LoadAsync(cancellationToken);
    }

    /// <summary>The generation of <paramref name="projection"/> that answers reads, once loaded.</summary>
    public GenerationCursor? Active(string projection) =>
        Current?.FirstOrDefault(c => c.Projection == projection && c.State == GenerationState.Active);

    /// <summary>Records that <paramref name="cursor"/>'s generation moved to <paramref name="next"/>. Call during a turn.</summary>
    public void Moved(GenerationCursor cursor, GenerationCursor next)
    {
        Volatile.Write(ref _cursors, [.. _cursors!.Select(c => c.IsSameGeneration(cursor) ? next : c)]);
        Progress.Pulse();
    }

    /// <summary>Adds a generation being built, unless it is already there. Call during a turn.</summary>
    public void Add(GenerationCursor building)
    {
        if (!_cursors!.Any(c => c.IsSameGeneration(building))) Volatile.Write(ref _cursors, Sorted([.. _cursors!, building]));
        Wake.Pulse();
    }

    /// <summary>Makes <paramref name="building"/> the projection's only generation, now active. Call during a turn.</summary>
    public void Promoted(GenerationCursor building)
    {
        var others = _cursors!.Where(c => c.Projection != building.Projection);
        Volatile.Write(ref _cursors, Sorted([.. others, building with { State = GenerationState.Active }]));
        Progress.Pulse();
    }

    /// <summary>Drops what memory holds after a failure: it may disagree with what committed, so the next turn reloads it.</summary>
    public void Forget() => Volatile.Write(ref _cursors, null);

    public void Dispose() => _gate.Dispose();

    private static GenerationCursor[] Sorted(IEnumerable<GenerationCursor> cursors) =>
        [.. cursors.OrderBy(c => c.Projection, StringComparer.Ordinal).ThenBy(c => c.Generation)];

    /// <summary>A turn at changing the cursors; disposing it lets the next one in.</summary>
    internal readonly struct Turn(SemaphoreSlim gate) : IDisposable
    {
        public void Dispose() => gate.Release();
    }
}
