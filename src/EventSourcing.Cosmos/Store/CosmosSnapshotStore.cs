using System.Text.Json;
using EventSourcing.Cosmos.Documents;
using EventSourcing.Snapshots;
using Microsoft.Azure.Cosmos;

namespace EventSourcing.Cosmos.Store;

/// <summary>
/// Snapshots as one document per stream beside its tip (same partition, id <c>snapshot</c>). Kept apart from the tip
/// so a snapshot neither makes every append's tip replacement dearer nor moves the ETag appends are guarded by.
/// </summary>
public sealed class CosmosSnapshotStore : ISnapshotStore
{
    private const int MaxRounds = 10;
    private readonly Container _events;
    private readonly CosmosCalls _calls;

    internal CosmosSnapshotStore(Container events, CosmosCalls calls)
    {
        _events = events;
        _calls = calls;
    }

    /// <inheritdoc />
    public async Task<Snapshot?> LoadAsync(string streamId, CancellationToken cancellationToken = default) =>
        (await ReadAsync(streamId, cancellationToken)).Snapshot;

    /// <summary>Keeps <paramref name="snapshot"/> unless a later one (of the same shape version) is stored; races are settled by ETag.</summary>
    public async Task SaveAsync(Snapshot snapshot, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var body = JsonSerializer.SerializeToUtf8Bytes(DocumentMapper.ToDocument(snapshot), CosmosJson.Options);
        var partition = new PartitionKey(snapshot.StreamId);
        for (var round = 0; round < MaxRounds; round++)
        {
            var (existing, etag) = await ReadAsync(snapshot.StreamId, cancellationToken);
            if (!SnapshotRule.ShouldReplace(existing, snapshot)) return;
            using var response = await _calls.SendAsync("save-snapshot", snapshot.StreamId, ct => etag is null
                ? _events.CreateItemStreamAsync(new MemoryStream(body, writable: false), partition, cancellationToken: ct)
                : _events.ReplaceItemStreamAsync(new MemoryStream(body, writable: false), DocumentKinds.SnapshotId, partition,
                    new ItemRequestOptions { IfMatchEtag = etag }, ct), new Charge(), cancellationToken);
            if (response.IsSuccessStatusCode) return;
            if (response.StatusCode is not (System.Net.HttpStatusCode.Conflict or System.Net.HttpStatusCode.PreconditionFailed))
                CosmosCalls.EnsureSuccess(response, "save-snapshot", snapshot.StreamId);
        }
        // Others keep saving newer snapshots: ours would not have survived anyway.
    }

    private async Task<(Snapshot? Snapshot, string? ETag)> ReadAsync(string streamId, CancellationToken cancellationToken)
    {
        using var response = await _calls.SendAsync("load-snapshot", streamId,
            ct => _events.ReadItemStreamAsync(DocumentKinds.SnapshotId, new PartitionKey(streamId), cancellationToken: ct), new Charge(), cancellationToken);
        if (CosmosCalls.IsNotFound(response)) return (null, null);
        CosmosCalls.EnsureSuccess(response, "load-snapshot", streamId);
        var document = await JsonSerializer.DeserializeAsync<SnapshotDocument>(response.Content, CosmosJson.Options, cancellationToken);
        return (document is null ? null : DocumentMapper.ToSnapshot(document), response.Headers.ETag);
    }
}
