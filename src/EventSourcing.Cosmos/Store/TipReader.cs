using System.Text.Json;
using EventSourcing.Cosmos.Documents;
using Microsoft.Azure.Cosmos;

namespace EventSourcing.Cosmos.Store;

/// <summary>Reads a stream's tip document: its version, last commit time and ETag, with the session token of the read.</summary>
internal sealed class TipReader(Container events, CosmosCalls calls)
{
    /// <returns>The tip, or null when the stream does not exist; and the session token a following query must see at least.</returns>
    public async Task<(StreamTip? Tip, string? Session)> ReadAsync(string streamId, Charge charge, CancellationToken cancellationToken)
    {
        using var response = await calls.SendAsync("read-tip", streamId,
            ct => events.ReadItemStreamAsync(DocumentKinds.TipId, new PartitionKey(streamId), cancellationToken: ct), charge, cancellationToken);
        if (CosmosCalls.IsNotFound(response)) return (null, response.Headers.Session);
        CosmosCalls.EnsureSuccess(response, "read-tip", streamId);
        var tip = await JsonSerializer.DeserializeAsync<TipDocument>(response.Content, CosmosJson.Options, cancellationToken)
            ?? throw new JsonException($"The tip of '{streamId}' is empty.");
        return (new StreamTip(tip.Version, tip.Timestamp, response.Headers.ETag), response.Headers.Session);
    }
}
