using EventSourcing.Cosmos.Projections.Generations;
using EventSourcing.Projections;
using EventSourcing.Store;
using Microsoft.Extensions.Logging;

namespace EventSourcing.Cosmos.Projections.Dispatch;

/// <summary>Parks an event a projection could not apply, under the generation the projection writes.</summary>
internal sealed partial class DeadLetterParking(IDeadLetterStore deadLetters, ChangeFeedDispatcherOptions options, StorageRetry storage, ILogger logger)
{
    /// <param name="attempts">0: the event was never tried, it waits behind a parked one of its stream.</param>
    public async Task ParkAsync(IProjection projection, RecordedEvent recorded, string error, int attempts, CancellationToken cancellationToken)
    {
        if (attempts > 0) LogParked(logger, projection.Name, recorded.StreamId, recorded.StreamVersion, error);
        var generation = projection is GenerationProjection g ? g.Generation : 1;
        var letter = new DeadLetter(projection.Name, generation, recorded, error, attempts, options.TimeProvider.GetUtcNow());
        await storage.RunAsync(async ct => { await deadLetters.ParkAsync(letter, ct); return true; }, cancellationToken);
    }

    /// <summary>The error of an event parked only because an earlier one of its stream is.</summary>
    public static string Waiting(long first) => $"Waiting behind parked event at version {first}.";

    [LoggerMessage(LogLevel.Warning, "Projection {Projection} parked version {Version} of {StreamId}: {Error}")]
    private static partial void LogParked(ILogger logger, string projection, string streamId, long version, string error);
}
