using System.Net;
using System.Text.Json;
using EventSourcing.Cosmos.Store;
using Microsoft.Azure.Cosmos;

namespace EventSourcing.Cosmos.Projections.Generations;

/// <summary>
/// The projections' generations records, one document each in the read-model container. A record is
/// {"id":"_generations:P","generationsOf":"P","active":2,"building":3}: it has no "projection" property, so read-model
/// queries (which filter on it) never see it.
/// </summary>
internal sealed class GenerationDocuments(Container container, CosmosCalls calls)
{
    /// <summary>The projection's record with its ETag, or the initial record (generation 1 active) when none is stored.</summary>
    public async Task<StoredGenerations> GetAsync(string projection, CancellationToken cancellationToken)
    {
        var id = ProjectionGenerations.RecordId(projection);
        using var response = await calls.SendAsync("load-generations", id,
            ct => container.ReadItemStreamAsync(id, new PartitionKey(id), cancellationToken: ct), new Charge(), cancellationToken);
        if (CosmosCalls.IsNotFound(response)) return new(GenerationsRecord.Initial(projection), null);
        CosmosCalls.EnsureSuccess(response, "load-generations", id);
        using var document = await JsonDocument.ParseAsync(response.Content, cancellationToken: cancellationToken);
        var root = document.RootElement;
        var building = root.GetProperty("building");
        var record = new GenerationsRecord(projection, root.GetProperty("active").GetInt32(),
            building.ValueKind == JsonValueKind.Null ? null : building.GetInt32());
        return new(record, response.Headers.ETag);
    }

    /// <summary>Creates the record (<paramref name="etag"/> null) or replaces it if unchanged; false when another writer got there first.</summary>
    public async Task<bool> TryWriteAsync(GenerationsRecord record, string? etag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var id = ProjectionGenerations.RecordId(record.Projection);
        var body = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object?>
        {
            ["id"] = id, ["generationsOf"] = record.Projection, ["active"] = record.Active, ["building"] = record.Building,
        });
        var partition = new PartitionKey(id);
        using var response = await calls.SendAsync("write-generations", id, ct => etag is null
            ? container.CreateItemStreamAsync(new MemoryStream(body, writable: false), partition, cancellationToken: ct)
            : container.ReplaceItemStreamAsync(new MemoryStream(body, writable: false), id, partition, new ItemRequestOptions { IfMatchEtag = etag }, ct),
            new Charge(), cancellationToken);
        if (response.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.PreconditionFailed or HttpStatusCode.NotFound) return false;
        CosmosCalls.EnsureSuccess(response, "write-generations", id);
        return true;
    }
}
