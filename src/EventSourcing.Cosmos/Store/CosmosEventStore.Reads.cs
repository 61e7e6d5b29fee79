using EventSourcing.Cosmos.Documents;
using EventSourcing.Store;
using Microsoft.Azure.Cosmos;

namespace EventSourcing.Cosmos.Store;

public sealed partial class CosmosEventStore
{
    private const int MaxCommitsPerPage = 100;

    /// <summary>Reads within the stream's partition, a page of commits at a time, stopping once it has enough events.</summary>
    public async Task<IReadOnlyList<RecordedEvent>> ReadStreamAsync(
        string streamId, StreamReadOptions options, CancellationToken cancellationToken = default)
    {
        StreamId.Validate(streamId);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();

        var charge = new Charge();
        var events = new List<RecordedEvent>();
        if (options.MaxCount > 0) await ReadCommitsAsync(streamId, ReadPlan.For(options), events, charge, cancellationToken);
        // Only an empty answer needs the tip: it tells a stream with nothing in range from no stream at all.
        if (events.Count == 0 && (await ReadTipAsync(streamId, charge, cancellationToken)).Tip is null)
            throw new StreamNotFoundException(streamId);
        return events;
    }

    private async Task ReadCommitsAsync(string streamId, ReadPlan plan, List<RecordedEvent> events, Charge charge, CancellationToken cancellationToken)
    {
        var query = new QueryDefinition(plan.Query);
        foreach (var (name, value) in plan.Parameters) query = query.WithParameter(name, value);
        var requestOptions = new QueryRequestOptions
        {
            PartitionKey = new PartitionKey(streamId),
            // Every commit holds at least one event, so a short read never needs more commits than events.
            MaxItemCount = Math.Min(MaxCommitsPerPage, plan.Options.MaxCount),
        };
        using var iterator = _events.GetItemQueryStreamIterator(query, null, requestOptions);
        while (iterator.HasMoreResults)
        {
            using var page = await _calls.SendAsync("read-stream", streamId, iterator.ReadNextAsync, charge, cancellationToken);
            CosmosCalls.EnsureSuccess(page, "read-stream", streamId);
            foreach (var commit in CosmosJson.ReadPage<CommitDocument>(page.Content))
            {
                foreach (var entry in plan.Select(commit))
                {
                    events.Add(DocumentMapper.ToRecorded(streamId, commit.Timestamp, entry));
                    if (events.Count == plan.Options.MaxCount) return;
                }
            }
        }
    }
}
