using System.Net;
using EventSourcing.Cosmos.Documents;
using EventSourcing.Store;
using Microsoft.Azure.Cosmos;

namespace EventSourcing.Cosmos.Store;

/// <summary>Sends one append's transactional batch (the commit and the tip under its ETag) and says how it ended.</summary>
internal sealed class BatchWriter(Container events, CosmosCalls calls)
{
    /// <returns><see cref="BatchOutcome.Committed"/> or <see cref="BatchOutcome.Conflict"/>.</returns>
    /// <exception cref="AppendOutcomeUnknownException">The service may have committed the batch without saying so.</exception>
    /// <exception cref="StoreUnavailableException">Throttled beyond the retries; nothing was written.</exception>
    /// <exception cref="CosmosException">Refused; nothing was written.</exception>
    public async Task<BatchOutcome> WriteAsync(BatchPlan plan, BatchAmbiguity ambiguity, Charge charge, CancellationToken cancellationToken)
    {
        using var response = await calls.SendBatchAsync("append", plan.StreamId, async ct =>
        {
            var batch = events.CreateTransactionalBatch(new PartitionKey(plan.StreamId)).CreateItemStream(new MemoryStream(plan.Commit, writable: false));
            batch = plan.TipETag is null
                ? batch.CreateItemStream(new MemoryStream(plan.Tip, writable: false))
                : batch.ReplaceItemStream(DocumentKinds.TipId, new MemoryStream(plan.Tip, writable: false),
                    new TransactionalBatchItemRequestOptions { IfMatchEtag = plan.TipETag });
            try
            {
                var answer = await batch.ExecuteAsync(ct);
                if (BatchOutcomes.IsAmbiguous(answer.StatusCode)) ambiguity.Unanswered();
                return answer;
            }
            catch
            {
                // A timeout or a broken connection after the request left: the batch may have run.
                ambiguity.Unanswered();
                throw;
            }
        }, charge, cancellationToken);

        var (outcome, cause) = BatchOutcomes.Classify(response.StatusCode, response.Select(r => r.StatusCode));
        switch (outcome)
        {
            case BatchOutcome.Unknown:
                throw OutcomeUnknown(plan.StreamId, $"Cosmos DB answered {(int)cause} ({response.ErrorMessage})", null);
            case BatchOutcome.Failed when cause == HttpStatusCode.TooManyRequests:
                throw new StoreUnavailableException($"Cosmos DB throttled the append to '{plan.StreamId}' (429) beyond its retries; nothing was written.");
            case BatchOutcome.Failed:
                throw new CosmosException($"The append to '{plan.StreamId}' failed with {(int)cause}: {response.ErrorMessage}",
                    cause, 0, response.ActivityId, response.RequestCharge);
            default:
                return outcome;
        }
    }

    /// <summary>The error of an append that may or may not have committed, telling the caller how to find out safely.</summary>
    public static AppendOutcomeUnknownException OutcomeUnknown(string streamId, string what, Exception? inner) =>
        new(streamId, $"The append to '{streamId}' may or may not have committed: {what}. Retry the same append (same event ids) " +
            "or the same request (same Idempotency-Key); one that committed is recognised, not written twice.", inner);
}
