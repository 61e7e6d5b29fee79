using EventSourcing.Store;
using Microsoft.Extensions.Logging;

namespace EventSourcing.Projections;

/// <summary>
/// Drives rounds: forever while the host runs (sleeping until the feed reports new events, a rebuild starts or the
/// poll interval passes), or until the head as it was when a catch-up was asked for.
/// </summary>
internal sealed class FeedFollower(IEventFeed feed, GenerationCursors cursors, ProjectionRound round, ProjectionRunnerOptions options, ILogger logger)
{
    /// <summary>Follows the feed until cancelled; storage failures are logged and retried after a pause.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var woken = cursors.Wake.Next;
            bool progressed;
            try
            {
                progressed = await round.RunAsync(cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The loop outlives storage hiccups; the failure is logged and the round retried.
            catch (Exception e)
#pragma warning restore CA1031
            {
                logger.LogError(e, "Projection runner failed; retrying after {Delay}.", options.ErrorDelay);
                await IgnoreOutcomeAsync(Task.Delay(options.ErrorDelay, options.TimeProvider, cancellationToken));
                continue;
            }
            if (!progressed) await WaitForWorkAsync(woken, cancellationToken);
        }
    }

    /// <summary>Runs rounds until every generation is active and at the head as it was when called.</summary>
    public async Task CatchUpAsync(CancellationToken cancellationToken)
    {
        var head = await feed.GetHeadPositionAsync(cancellationToken);
        while (true)
        {
            await round.RunAsync(cancellationToken);
            if (cursors.Current is { } current && current.All(c => c.State == GenerationState.Active && c.Checkpoint >= head))
                return;
        }
    }

    private async Task WaitForWorkAsync(Task woken, CancellationToken cancellationToken)
    {
        // With nothing to follow there is nothing to wake for but a rebuild or the poll.
        var after = cursors.Current is { Length: > 0 } current ? current.Min(c => c.Checkpoint) : long.MaxValue;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var newEvents = feed.WaitForEventsAsync(after, stop.Token);
        var poll = Task.Delay(options.PollInterval, options.TimeProvider, stop.Token);
        await Task.WhenAny(newEvents, poll, woken);
        await stop.CancelAsync();
        await IgnoreOutcomeAsync(newEvents);
        await IgnoreOutcomeAsync(poll);
    }

    // Awaits a task whose outcome does not matter (a cancelled wait, or a feed fault the next round reports).
    private static async Task IgnoreOutcomeAsync(Task task)
    {
        try
        {
            await task;
        }
#pragma warning disable CA1031
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }
}
