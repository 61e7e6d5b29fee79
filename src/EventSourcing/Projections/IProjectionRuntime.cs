namespace EventSourcing.Projections;

/// <summary>
/// What hosts and applications ask of a projection runtime, whichever way its events arrive: the runner following
/// an <see cref="Store.IEventFeed"/>, or a change-feed processor on a store without a global position (Cosmos).
/// </summary>
public interface IProjectionRuntime
{
    /// <summary>The names of the projections this runtime keeps.</summary>
    IReadOnlyCollection<string> Projections { get; }

    /// <summary>Keeps the read models up to date until <paramref name="cancellationToken"/> is cancelled.</summary>
    Task RunAsync(CancellationToken cancellationToken);

    /// <summary>Returns once every event committed before the call is applied or parked.</summary>
    Task CatchUpAsync(CancellationToken cancellationToken = default);

    /// <summary>Every generation of every projection: version, checkpoint, lag, status and dead letters.</summary>
    Task<IReadOnlyList<ProjectionStatus>> GetStatusAsync(CancellationToken cancellationToken = default);

    /// <summary>Starts building the next generation; returns its number.</summary>
    /// <exception cref="UnknownProjectionException">No projection has that name.</exception>
    Task<int> RebuildAsync(string projection, CancellationToken cancellationToken = default);

    /// <summary>Re-applies the projection's parked events in order; those that now succeed are removed.</summary>
    /// <exception cref="UnknownProjectionException">No projection has that name.</exception>
    Task<DeadLetterRetryResult> RetryDeadLettersAsync(string projection, CancellationToken cancellationToken = default);

    /// <summary>The projection's parked events.</summary>
    /// <exception cref="UnknownProjectionException">No projection has that name.</exception>
    Task<IReadOnlyList<DeadLetter>> GetDeadLettersAsync(string projection, CancellationToken cancellationToken = default);

    /// <summary>Waits until the projection has applied every event up to a global position; false on timeout.</summary>
    /// <exception cref="UnknownProjectionException">No projection has that name.</exception>
    Task<bool> WaitForPositionAsync(string projection, long position, TimeSpan timeout, CancellationToken cancellationToken = default);

    /// <summary>Waits until a document reflects a stream's version (read-your-writes); false on timeout.</summary>
    /// <exception cref="UnknownProjectionException">No projection has that name.</exception>
    Task<bool> WaitForDocumentVersionAsync(
        string projection, string key, string streamId, long version, TimeSpan timeout, CancellationToken cancellationToken = default);
}
