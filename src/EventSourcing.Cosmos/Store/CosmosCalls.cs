using System.Net;
using EventSourcing.Cosmos.Diagnostics;
using EventSourcing.Cosmos.Resilience;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;

namespace EventSourcing.Cosmos.Store;

/// <summary>Runs Cosmos stream calls through the retry pipeline and records each one's request charge.</summary>
internal sealed class CosmosCalls(ResiliencePipeline pipeline, ILogger logger)
{
    /// <summary>Calls retried by <paramref name="retry"/> (the defaults when null), logging to <paramref name="logger"/> if given.</summary>
    public static CosmosCalls Create(CosmosRetryOptions? retry, ILogger? logger)
    {
        var log = logger ?? NullLogger.Instance;
        return new CosmosCalls(CosmosFaults.CreatePipeline(retry ?? new CosmosRetryOptions(), log), log);
    }

    public ILogger Logger => logger;

    /// <summary>A point operation or one query page; the response is the caller's to dispose.</summary>
    public async Task<ResponseMessage> SendAsync(
        string operation, string target, Func<CancellationToken, Task<ResponseMessage>> call, Charge charge, CancellationToken cancellationToken)
    {
        var response = await pipeline.ExecuteAsync(async ct => await call(ct), cancellationToken);
        charge.Add(RequestCharges.Record(logger, operation, target, response.Headers.RequestCharge));
        return response;
    }

    public async Task<TransactionalBatchResponse> SendBatchAsync(
        string operation, string target, Func<CancellationToken, Task<TransactionalBatchResponse>> call, Charge charge, CancellationToken cancellationToken)
    {
        var response = await pipeline.ExecuteAsync(async ct => await call(ct), cancellationToken);
        charge.Add(RequestCharges.Record(logger, operation, target, response.RequestCharge));
        return response;
    }

    /// <summary>Every page of a query, parsed with the adapter's JSON.</summary>
    public async Task<List<T>> QueryAllAsync<T>(string operation, string target, Func<FeedIterator> open, Charge charge, CancellationToken cancellationToken)
    {
        var items = new List<T>();
        using var iterator = open();
        while (iterator.HasMoreResults)
        {
            using var page = await SendAsync(operation, target, iterator.ReadNextAsync, charge, cancellationToken);
            EnsureSuccess(page, operation, target);
            items.AddRange(Documents.CosmosJson.ReadPage<T>(page.Content));
        }
        return items;
    }

    /// <summary>Throws the response's failure as a <see cref="CosmosException"/>, as the typed SDK calls would.</summary>
    public static void EnsureSuccess(ResponseMessage response, string operation, string target)
    {
        if (response.IsSuccessStatusCode) return;
        throw new CosmosException(
            $"Cosmos {operation} on '{target}' failed with {(int)response.StatusCode}: {response.ErrorMessage}",
            response.StatusCode, 0, response.Headers.ActivityId, response.Headers.RequestCharge);
    }

    /// <summary>The item is missing (not the container: that is sub-status 1003, an error worth surfacing).</summary>
    public static bool IsNotFound(ResponseMessage response) =>
        response.StatusCode == HttpStatusCode.NotFound && response.Headers["x-ms-substatus"] is not "1003";
}
