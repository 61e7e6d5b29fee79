using EventSourcing.Cosmos.Documents;
using EventSourcing.Store;
using Microsoft.Azure.Cosmos;

namespace EventSourcing.Cosmos.Store;

/// <summary>Reads a stream's events from its commit documents, within the stream's partition.</summary>
internal sealed class CommitReader(Container events, CosmosCalls calls, TipReader tips)
{
    private const int MaxCommitsPerPage = 100;

    /// <summary>Reads within the stream's partition, a page of commits at a time, stopping once it has enough events.</summary>
    /// <exception cref="StreamNotFoundException">The stream does not exist.</exception>
    public async Task<IReadOnlyList<RecordedEvent>> ReadAsync(string streamId, StreamReadOptions options, CancellationToken cancellationToken)
    {
        StreamId.Validate(streamId);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();

        var charge = new Charge();
        var read = new List<RecordedEvent>();
        if (options.MaxCount > 0) await ReadCommitsAsync(streamId, ReadPlan.For(options), read, charge, cancellationToken);
        // Only an empty answer needs the tip: it tells a stream with nothing in range from no stream at all.
        if (read.Count == 0 && (await tips.ReadAsync(streamId, charge, cancellationToken)).Tip is null)
            throw new StreamNotFoundException(streamId);
        return read;
    }

    private async Task ReadCommitsAsync(string streamId, ReadPlan plan, List<RecordedEvent> read, Charge charge, CancellationToken cancellationToken)
    {
        var query = new QueryDefinition(plan.Query);
        foreach (var (name, value) in plan.Parameters) query = query.WithParameter(name, value);
        var requestOptions = new QueryRequestOptions
        {
            PartitionKey = new PartitionKey(streamId),
            // Every commit holds at least one event, so a short read never needs more commits than events.
            MaxItemCount = Math.Min(MaxCommitsPerPage, plan.Options.MaxCount),
        };
        using var iterator = events.GetItemQueryStreamIterator(query, null, requestOptions);
        while (iterator.HasMoreResults)
        {
            using var page = await calls.SendAsync("read-stream", streamId, iterator.ReadNextAsync, charge, cancellationToken);
            CosmosCalls.EnsureSuccess(page, "read-stream", streamId);
            foreach (var commit in CosmosJson.ReadPage<CommitDocument>(page.Content))
            {
                foreach (var entry in plan.Select(commit))
                {
                    read.Add(DocumentMapper.ToRecorded(streamId, commit.Timestamp, entry));
                    if (read.Count == plan.Options.MaxCount) return;
                }
            }
        }
    }
}
