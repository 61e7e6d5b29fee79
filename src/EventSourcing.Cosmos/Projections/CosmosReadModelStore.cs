using System.Net;
using System.Text.Json;
using EventSourcing.Cosmos.Projections.Generations;
using EventSourcing.Cosmos.Resilience;
using EventSourcing.Cosmos.Store;
using EventSourcing.Projections;
using EventSourcing.Serialization;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Logging;

namespace EventSourcing.Cosmos.Projections;

/// <summary>
/// Read models in one Cosmos container (partition key <c>/id</c>, one document per projection and key): reads for the
/// application, and ETag-guarded writes for the change-feed dispatcher. Reads by projection name go to its active
/// generation (see <see cref="GenerationResolver"/> for how stale that may be); the dispatcher's loads and writes name
/// the physical generation themselves.
/// </summary>
public sealed class CosmosReadModelStore : IReadModelStore, IReadModelDocuments, IProjectionGenerations
{
    private readonly Container _container;
    private readonly JsonSerializerOptions _json;
    private readonly CosmosCalls _calls;
    private readonly GenerationResolver _generations;
    private readonly GenerationDocuments _generationDocuments;

    /// <param name="jsonOptions">How documents deserialize on reads: the event serializer's options they were written with.</param>
    /// <param name="time">The clock of the generations cache.</param>
    public CosmosReadModelStore(
        Container container, JsonSerializerOptions? jsonOptions = null, CosmosRetryOptions? retry = null, ILogger<CosmosReadModelStore>? logger = null,
        TimeProvider? time = null)
    {
        _container = container ?? throw new ArgumentNullException(nameof(container));
        _json = jsonOptions ?? EventSerializer.DefaultOptions;
        _calls = CosmosCalls.Create(retry, logger);
        _generationDocuments = new GenerationDocuments(_container, _calls);
        _generations = new GenerationResolver(this, time);
    }

    /// <inheritdoc />
    public async Task<T?> GetAsync<T>(string projection, string key, CancellationToken cancellationToken = default) where T : class =>
        (await LoadAsync(await _generations.ActiveNameAsync(projection, cancellationToken), key, cancellationToken))?.Document.Json is { } json
            ? JsonSerializer.Deserialize<T>(json, _json)
            : null;

    /// <inheritdoc />
    public async Task<ReadModelPage<T>> QueryAsync<T>(string projection, ReadModelQuery query, CancellationToken cancellationToken = default) where T : class
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Validate();
        var (text, parameters) = ReadModelQueryText.Build(await _generations.ActiveNameAsync(projection, cancellationToken), query);
        var definition = new QueryDefinition(text);
        foreach (var (name, value) in parameters) definition = definition.WithParameter(name, value);
        var rows = await _calls.QueryAllAsync<JsonElement>("query-read-models", projection,
            () => _container.GetItemQueryStreamIterator(definition, null, new QueryRequestOptions { MaxItemCount = query.Limit + 1 }), new Charge(), cancellationToken);

        var more = rows.Count > query.Limit;
        var page = rows.Take(query.Limit).ToList();
        var items = page.Select(r => r.GetProperty("doc").Deserialize<T>(_json)!).ToList();
        return new ReadModelPage<T>(items, more ? ReadModelContinuation.Encode(page[^1].GetProperty("key").GetString()!) : null);
    }

    /// <inheritdoc />
    public async Task<VersionedDocument?> LoadAsync(string projection, string key, CancellationToken cancellationToken = default)
    {
        var id = ReadModelDocumentJson.Id(projection, key);
        using var response = await _calls.SendAsync("load-read-model", id,
            ct => _container.ReadItemStreamAsync(id, new PartitionKey(id), cancellationToken: ct), new Charge(), cancellationToken);
        if (CosmosCalls.IsNotFound(response)) return null;
        CosmosCalls.EnsureSuccess(response, "load-read-model", id);
        using var document = await JsonDocument.ParseAsync(response.Content, cancellationToken: cancellationToken);
        return new VersionedDocument(ReadModelDocumentJson.Deserialize(document.RootElement), response.Headers.ETag);
    }

    /// <inheritdoc />
    public async Task<bool> TryWriteAsync(string projection, StoredDocument document, string? etag, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        var id = ReadModelDocumentJson.Id(projection, document.Key);
        var body = ReadModelDocumentJson.Serialize(projection, document);
        var partition = new PartitionKey(id);
        // Create when new (409 if another writer created it first), else replace only if unchanged since read (412).
        using var response = await _calls.SendAsync("write-read-model", id, ct => etag is null
            ? _container.CreateItemStreamAsync(new MemoryStream(body, writable: false), partition, cancellationToken: ct)
            : _container.ReplaceItemStreamAsync(new MemoryStream(body, writable: false), id, partition, new ItemRequestOptions { IfMatchEtag = etag }, ct),
            new Charge(), cancellationToken);
        if (response.IsSuccessStatusCode) return true;
        if (response.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.PreconditionFailed or HttpStatusCode.NotFound) return false;
        if (response.StatusCode is HttpStatusCode.RequestEntityTooLarge or HttpStatusCode.BadRequest)
            throw new ReadModelRejectedException($"Cosmos refused read-model document '{id}' ({(int)response.StatusCode}): {response.ErrorMessage}");
        CosmosCalls.EnsureSuccess(response, "write-read-model", id);
        return true;
    }

    /// <inheritdoc />
    public Task<StoredGenerations> GetGenerationsAsync(string projection, CancellationToken cancellationToken = default) =>
        _generationDocuments.GetAsync(projection, cancellationToken);

    /// <inheritdoc />
    public Task<bool> TryWriteGenerationsAsync(GenerationsRecord record, string? etag, CancellationToken cancellationToken = default) =>
        _generationDocuments.TryWriteAsync(record, etag, cancellationToken);
}
