using EventSourcing.Cosmos.ChangeFeed;
using Microsoft.Extensions.Logging;

namespace EventSourcing.Cosmos.Projections.Generations;

/// <summary>
/// Makes a generation being built active once its processor's estimator reports nothing pending; from then on it is
/// that projection's only writer (the main dispatcher leaves the projection alone). Older generations' documents are kept.
/// </summary>
internal sealed partial class GenerationPromotion(GenerationResolver generations, ChangeFeedLag lag, ChangeFeedProjectionOptions options, ILogger logger)
{
    /// <summary>Polls the generation's estimator until it has nothing pending, then makes it active.</summary>
    /// <param name="processor">The generation's processor, whose lag decides.</param>
    /// <param name="stopSuperseded">Told the projection and the generation that was active until the promotion.</param>
    public async Task WhenCaughtUpAsync(GenerationKey key, string processor, Action<string, int> stopSuperseded, CancellationToken cancellationToken)
    {
        var store = generations.Source!;
        while (true)
        {
            try
            {
                var stored = await store.GetGenerationsAsync(key.Projection, cancellationToken);
                // Active already (promoted here before a restart, or by another instance): nothing to decide, it keeps writing.
                if (stored.Record.Building != key.Generation) return;
                var next = ProjectionGenerations.Promote(stored.Record, key.Generation, await lag.EstimateAsync(processor, cancellationToken));
                if (next is not null && await store.TryWriteGenerationsAsync(next, stored.ETag, cancellationToken))
                {
                    generations.Remember(next);
                    LogPromoted(logger, key.Projection, key.Generation);
                    stopSuperseded(key.Projection, stored.Record.Active);
                    return;
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A failed poll is tried again; the generation keeps filling meanwhile.
            catch (Exception e)
#pragma warning restore CA1031
            {
                LogPromotionFailed(logger, e, key.Projection, key.Generation);
            }
            if (!await Pause.ForAsync(options.PromotionPollInterval, options.TimeProvider, cancellationToken)) return;
        }
    }

    [LoggerMessage(LogLevel.Information, "Projection {Projection} generation {Generation} caught up and now answers reads")]
    private static partial void LogPromoted(ILogger logger, string projection, int generation);

    [LoggerMessage(LogLevel.Warning, "Could not decide whether projection {Projection} generation {Generation} caught up; asking again")]
    private static partial void LogPromotionFailed(ILogger logger, Exception exception, string projection, int generation);
}
