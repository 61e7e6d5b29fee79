using EventSourcing.Projections;

namespace EventSourcing.Cosmos.Projections;

/// <summary>Where events a projection could not apply are parked, with everything needed to apply them later.</summary>
public interface IDeadLetterStore
{
    /// <summary>For each projection and stream among <paramref name="streamIds"/> with parked events, the version of its first one.</summary>
    Task<IReadOnlyDictionary<ProjectionStreamKey, long>> GetParkedAsync(IReadOnlyCollection<string> streamIds, CancellationToken cancellationToken = default);

    /// <summary>Adds or replaces the letter for its projection, stream and version.</summary>
    Task ParkAsync(DeadLetter letter, CancellationToken cancellationToken = default);

    /// <summary>Removes the letter (nothing happens when it is already gone).</summary>
    Task ReleaseAsync(DeadLetter letter, CancellationToken cancellationToken = default);

    /// <summary>The projection's letters, by stream and version.</summary>
    Task<IReadOnlyList<DeadLetter>> GetAsync(string projection, CancellationToken cancellationToken = default);

    /// <summary>How many letters the projection has.</summary>
    Task<int> CountAsync(string projection, CancellationToken cancellationToken = default);
}
