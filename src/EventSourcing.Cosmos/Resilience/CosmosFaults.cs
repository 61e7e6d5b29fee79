using System.Net;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace EventSourcing.Cosmos.Resilience;

/// <summary>
/// Which Cosmos faults are worth retrying and the Polly pipeline that does it. The SDK already retries throttling
/// (429) itself a few times; this pipeline is the bounded layer above it, and the one that retries 408, 449 and 503,
/// which the SDK does not retry for writes because they are ambiguous (the write may have happened). Callers make
/// such a retry safe: an append re-reads and recognises its own commit.
/// </summary>
public static partial class CosmosFaults
{
    /// <summary>Throttled (429), timed out (408), retry-with (449) or unavailable (503).</summary>
    public static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout or HttpStatusCode.ServiceUnavailable || (int)status == 449;

    /// <summary>Whether an outcome (a thrown exception or a non-throwing response) should be tried again.</summary>
    public static bool ShouldRetry(Exception? exception, object? result, CancellationToken cancellationToken) => (exception, result) switch
    {
        (CosmosOperationCanceledException, _) => !cancellationToken.IsCancellationRequested, // the SDK's own request timeout
        (CosmosException e, _) => IsTransient(e.StatusCode),
        (null, ResponseMessage response) => IsTransient(response.StatusCode),
        (null, TransactionalBatchResponse batch) => IsTransient(batch.StatusCode),
        _ => false,
    };

    /// <summary>How long to wait before retry number <paramref name="attempt"/> (0-based): the service's retry-after, else exponential backoff.</summary>
    public static TimeSpan Delay(int attempt, TimeSpan? retryAfter, CosmosRetryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var backoff = retryAfter ?? options.BaseDelay * Math.Pow(2, Math.Min(attempt, 16));
        return backoff > options.MaxDelay ? options.MaxDelay : backoff;
    }

    /// <summary>The retry-after the service sent with an outcome, if any.</summary>
    public static TimeSpan? RetryAfter(Exception? exception, object? result) => (exception, result) switch
    {
        (CosmosException e, _) => e.RetryAfter,
        (null, ResponseMessage response) => Milliseconds(response.Headers?["x-ms-retry-after-ms"]),
        (null, TransactionalBatchResponse batch) => batch.RetryAfter,
        _ => null,
    };

    /// <summary>The pipeline every Cosmos call of this adapter runs through.</summary>
    public static ResiliencePipeline CreatePipeline(CosmosRetryOptions options, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = new ResiliencePipelineBuilder { TimeProvider = options.TimeProvider };
        if (options.MaxRetries == 0) return builder.Build();
        return builder.AddRetry(new RetryStrategyOptions
        {
            MaxRetryAttempts = options.MaxRetries,
            ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome.Exception, args.Outcome.Result, args.Context.CancellationToken)),
            DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(
                NextDelay(args.AttemptNumber, RetryAfter(args.Outcome.Exception, args.Outcome.Result), options, Random.Shared.NextDouble())),
            OnRetry = args =>
            {
                if (logger is not null) LogRetry(logger, Status(args.Outcome.Exception, args.Outcome.Result), args.AttemptNumber + 1, args.RetryDelay);
                // The response given up on is replaced by the retry's: release its content now.
                (args.Outcome.Result as IDisposable)?.Dispose();
                return ValueTask.CompletedTask;
            },
        }).Build();
    }

    private static TimeSpan? Milliseconds(string? header) =>
        double.TryParse(header, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var ms)
            ? TimeSpan.FromMilliseconds(ms) : null;

    /// <summary>
    /// The wait the pipeline uses: <see cref="Delay"/>, spread by ±20 % (from <paramref name="random"/> in [0, 1)) when
    /// the service gave no retry-after, so many callers backing off do not retry in step; never over the maximum.
    /// </summary>
    internal static TimeSpan NextDelay(int attempt, TimeSpan? retryAfter, CosmosRetryOptions options, double random)
    {
        var delay = Delay(attempt, retryAfter, options);
        if (retryAfter is null) delay *= 0.8 + random * 0.4;
        return delay > options.MaxDelay ? options.MaxDelay : delay;
    }

    private static string Status(Exception? exception, object? result) => (exception, result) switch
    {
        (CosmosException e, _) => ((int)e.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture),
        (Exception e, _) => e.GetType().Name,
        (null, ResponseMessage r) => ((int)r.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture),
        (null, TransactionalBatchResponse b) => ((int)b.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => "unknown",
    };

    [LoggerMessage(LogLevel.Warning, "Transient Cosmos fault ({Status}); retry {Attempt} in {Delay}")]
    private static partial void LogRetry(ILogger logger, string status, int attempt, TimeSpan delay);
}
