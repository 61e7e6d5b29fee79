using EventSourcing.Idempotency;
using Microsoft.Extensions.Logging;

namespace EventSourcing.Http.Pipeline;

/// <summary>The pipeline's use of the idempotency store: reserve before running, then keep the answer or free the key.</summary>
internal sealed partial class IdempotencyKeys(IIdempotencyStore store, ApiOptions options, TimeProvider time, ILogger logger)
{
    private static readonly TimeSpan FirstPoll = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan LongestPoll = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// Reserves the scoped key. A duplicate of a request still running waits (at most <see cref="ApiOptions.Wait"/>) for
    /// its answer; a key freed meanwhile (the first failed) is taken over.
    /// </summary>
    public async Task<IdempotencyReservation> ReserveAsync(IdempotencyScope scope, DateTimeOffset now, CancellationToken cancellation)
    {
        var claim = new IdempotencyClaim(scope.Key, scope.RequestHash, now, now - options.Window, options.Lease);
        var deadline = claim.Now + options.Wait;
        var poll = FirstPoll;
        while (true)
        {
            var reservation = await store.ReserveAsync(claim, cancellation);
            if (reservation is not IdempotencyReservation.InProgress progress || progress.RequestHash != claim.RequestHash) return reservation;
            var left = deadline - time.GetUtcNow();
            if (left <= TimeSpan.Zero) return reservation;
            await Task.Delay(poll < left ? poll : left, time, cancellation);
            poll = poll * 2 < LongestPoll ? poll * 2 : LongestPoll;
            claim = claim with { Now = time.GetUtcNow() };
        }
    }

    /// <summary>Keeps <paramref name="response"/> for repeats; false when it could not be kept (the key must then be released).</summary>
    public async Task<bool> CompleteAsync(IdempotentResponse response, string token)
    {
        try
        {
            // Not the request's cancellation token: once the command ran, its answer is stored even if the client has gone.
            if (await store.CompleteAsync(response, token, response.CreatedAt - options.Window, CancellationToken.None)) return true;
            LogLeaseLost(logger, response.StatusCode);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The change is made and answered; a repeat will run again and be recognised by its event ids.
            LogNotKept(logger, e);
            return false;
        }
    }

    /// <summary>Frees the key for a retry; a failure only leaves it to its lease.</summary>
    public async Task ReleaseAsync(string key, string token)
    {
        try
        {
            await store.ReleaseAsync(key, token, CancellationToken.None);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The lease frees the key later.
            LogNotReleased(logger, e);
        }
    }

    [LoggerMessage(LogLevel.Warning, "An idempotent request outlasted its reservation's lease; its {Status} answer is not kept for repeats")]
    private static partial void LogLeaseLost(ILogger logger, int status);

    [LoggerMessage(LogLevel.Warning, "The answer to an idempotent request could not be kept for repeats")]
    private static partial void LogNotKept(ILogger logger, Exception exception);

    [LoggerMessage(LogLevel.Warning, "The reservation of an idempotency key could not be released; it frees when its lease ends")]
    private static partial void LogNotReleased(ILogger logger, Exception exception);
}
