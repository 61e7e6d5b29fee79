using EventSourcing.Serialization;
using EventSourcing.Store;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EventSourcing.Projections;

/// <summary>
/// Follows the store's feed and keeps every projection's documents up to date: per generation, a page of events
/// after its checkpoint is applied (failures parked as dead letters) and committed with the new checkpoint in one
/// transaction. Runs every generation being served or built, and switches a rebuilt one in once it reaches the head.
/// One runner per projection store; its methods are safe to call concurrently.
/// </summary>
// One type per job, all sharing the GenerationCursors: FeedFollower (the loop and catch-up), ProjectionRound (a page
// per generation), ProjectionRebuilds, ProjectionDeadLetters, ProjectionStatusReport and ProjectionWaits.
public sealed class ProjectionRunner : IProjectionRuntime, IDisposable
{
    private readonly ProjectionAppliers _appliers;
    private readonly GenerationCursors _cursors;
    private readonly ProjectionRound _round;
    private readonly FeedFollower _follower;
    private readonly ProjectionRebuilds _rebuilds;
    private readonly ProjectionDeadLetters _deadLetters;
    private readonly ProjectionStatusReport _status;
    private readonly ProjectionWaits _waits;

    /// <summary>Creates a runner; nothing is read or written until it is first used.</summary>
    /// <param name="options">Page size, poll interval, error pause and clock; the defaults when null.</param>
    /// <param name="logger">Where failures, parked events and promotions are logged; nowhere when null.</param>
    /// <exception cref="ArgumentException">A projection name is invalid or used twice.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="ProjectionRunnerOptions.PageSize"/> is less than 1.</exception>
    public ProjectionRunner(
        IEventFeed feed,
        EventSerializer serializer,
        IEnumerable<IProjection> projections,
        IProjectionStore store,
        ProjectionRunnerOptions? options = null,
        ILogger<ProjectionRunner>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(projections);
        ArgumentNullException.ThrowIfNull(feed);
        ArgumentNullException.ThrowIfNull(store);
        options ??= new ProjectionRunnerOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.PageSize, 1, nameof(options));
        var log = logger ?? (ILogger)NullLogger.Instance;
        _appliers = new ProjectionAppliers(projections, serializer, store, options.TimeProvider, log);
        _cursors = new GenerationCursors(store, _appliers);
        _rebuilds = new ProjectionRebuilds(store, _appliers, _cursors, log);
        _round = new ProjectionRound(feed, store, _appliers, _cursors, _rebuilds, options.PageSize, log);
        _follower = new FeedFollower(feed, _cursors, _round, options, log);
        _deadLetters = new ProjectionDeadLetters(store, _appliers, _cursors);
        _status = new ProjectionStatusReport(feed, store, _appliers, _cursors);
        _waits = new ProjectionWaits(store, _appliers, _cursors, options.TimeProvider);
    }

    /// <summary>The names of the projections this runner keeps.</summary>
    public IReadOnlyCollection<string> Projections => _appliers.Names;

    /// <summary>
    /// Follows the feed until cancelled: applies pages while any generation is behind, then sleeps until the feed
    /// reports new events (or the poll interval passes). Storage failures are logged and retried after a pause.
    /// Returns when <paramref name="cancellationToken"/> is cancelled.
    /// </summary>
    public Task RunAsync(CancellationToken cancellationToken) => _follower.RunAsync(cancellationToken);

    /// <summary>
    /// Applies pages until every generation has reached the head as it was when called and every rebuild that got
    /// there has taken over. For tests, tools and read-your-writes; safe to call while <see cref="RunAsync"/> runs.
    /// </summary>
    public Task CatchUpAsync(CancellationToken cancellationToken = default) => _follower.CatchUpAsync(cancellationToken);

    /// <summary>Every generation of every projection: version, checkpoint, lag behind the head, status and dead letters.</summary>
    public Task<IReadOnlyList<ProjectionStatus>> GetStatusAsync(CancellationToken cancellationToken = default) => _status.ReadAsync(cancellationToken);

    /// <summary>
    /// Starts building the next generation from position zero while the current one keeps answering reads; it takes
    /// over once it reaches the head. A rebuild already under way is left alone.
    /// </summary>
    /// <returns>The number of the generation being built.</returns>
    /// <exception cref="UnknownProjectionException">No projection has that name.</exception>
    public Task<int> RebuildAsync(string projection, CancellationToken cancellationToken = default) => _rebuilds.StartAsync(projection, cancellationToken);

    /// <summary>
    /// Re-applies a projection's parked events in position order (in every generation): those that now succeed are
    /// removed; a stream stops at its first event that fails again, which counts one more attempt.
    /// </summary>
    /// <exception cref="UnknownProjectionException">No projection has that name.</exception>
    public Task<DeadLetterRetryResult> RetryDeadLettersAsync(string projection, CancellationToken cancellationToken = default) =>
        _deadLetters.RetryAsync(projection, cancellationToken);

    /// <summary>The parked events of a projection (every generation), in generation and position order.</summary>
    /// <exception cref="UnknownProjectionException">No projection has that name.</exception>
    public Task<IReadOnlyList<DeadLetter>> GetDeadLettersAsync(string projection, CancellationToken cancellationToken = default) =>
        _deadLetters.ListAsync(projection, cancellationToken);

    /// <summary>
    /// Waits until the projection's active generation has applied (or parked) every event up to <paramref name="position"/>,
    /// e.g. the position an append returned. Cheap: it wakes on each commit and reads memory only. Progress needs
    /// <see cref="RunAsync"/> running (or someone calling <see cref="CatchUpAsync"/>).
    /// </summary>
    /// <returns>True when reached; false when <paramref name="timeout"/> passed first.</returns>
    /// <exception cref="UnknownProjectionException">No projection has that name.</exception>
    public Task<bool> WaitForPositionAsync(string projection, long position, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        _waits.ForPositionAsync(projection, position, timeout, cancellationToken);

    /// <summary>
    /// Waits until the document under <paramref name="key"/> reflects version <paramref name="version"/> (or later) of
    /// <paramref name="streamId"/>, e.g. the version a command returned: read-your-writes for one document.
    /// Reads the document's stored versions once per commit.
    /// </summary>
    /// <returns>True when reached; false when <paramref name="timeout"/> passed first (the read model is stale).</returns>
    /// <exception cref="UnknownProjectionException">No projection has that name.</exception>
    public Task<bool> WaitForDocumentVersionAsync(
        string projection, string key, string streamId, long version, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        _waits.ForDocumentVersionAsync(projection, key, streamId, version, timeout, cancellationToken);

    /// <summary>Disposes the runner's lock; stop <see cref="RunAsync"/> first.</summary>
    public void Dispose() => _cursors.Dispose();

    /// <summary>One round: a page for every generation that is behind, and the switch for rebuilds that reached the head.</summary>
    /// <returns>Whether anything moved.</returns>
    internal Task<bool> RunOnceAsync(CancellationToken cancellationToken) => _round.RunAsync(cancellationToken);
}
