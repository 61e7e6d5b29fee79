using System.Net;
using System.Text.Json;
using EventSourcing.Cosmos.Documents;
using EventSourcing.Cosmos.Resilience;
using EventSourcing.Cosmos.Store;
using EventSourcing.Idempotency;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Logging;

namespace EventSourcing.Cosmos.Idempotency;

/// <summary>
/// First responses by idempotency key in the requests container (partition key <c>/id</c>, time to live on). Two
/// racing first requests agree on one answer because only one create of a key succeeds; an expired record is
/// replaced under its ETag.
/// </summary>
public sealed class CosmosIdempotencyStore : IIdempotencyStore
{
    private const int MaxRounds = 10;
    private readonly Container _container;
    private readonly CosmosCalls _calls;

    public CosmosIdempotencyStore(Container container, CosmosRetryOptions? retry = null, ILogger<CosmosIdempotencyStore>? logger = null)
    {
        _container = container ?? throw new ArgumentNullException(nameof(container));
        _calls = CosmosCalls.Create(retry, logger);
    }

    public async Task<IdempotentResponse?> FindAsync(string key, DateTimeOffset notBefore, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        var (document, _) = await ReadAsync(IdempotencyDocument.IdOf(key), cancellationToken);
        return document is not null && document.IsLive(notBefore) ? document.ToResponse() : null;
    }

    public async Task<IdempotentResponse> SaveAsync(IdempotentResponse response, DateTimeOffset notBefore, CancellationToken cancellationToken = default)
    {
        var document = IdempotencyDocument.From(response, notBefore);
        var body = JsonSerializer.SerializeToUtf8Bytes(document, CosmosJson.Options);
        var partition = new PartitionKey(document.Id);
        for (var round = 0; round < MaxRounds; round++)
        {
            var (existing, etag) = await ReadAsync(document.Id, cancellationToken);
            if (existing is not null && existing.IsLive(notBefore)) return existing.ToResponse();
            using var written = await _calls.SendAsync("save-response", document.Id, ct => etag is null
                ? _container.CreateItemStreamAsync(new MemoryStream(body, writable: false), partition, cancellationToken: ct)
                : _container.ReplaceItemStreamAsync(new MemoryStream(body, writable: false), document.Id, partition,
                    new ItemRequestOptions { IfMatchEtag = etag }, ct), new Charge(), cancellationToken);
            if (written.IsSuccessStatusCode) return response;
            // Another request saved (or replaced) the record first: read again and answer with what is kept.
            if (written.StatusCode is not (HttpStatusCode.Conflict or HttpStatusCode.PreconditionFailed or HttpStatusCode.NotFound))
                CosmosCalls.EnsureSuccess(written, "save-response", document.Id);
        }
        throw new InvalidOperationException($"The response for idempotency key '{response.Key}' kept being replaced; giving up after {MaxRounds} rounds.");
    }

    private async Task<(IdempotencyDocument? Document, string? ETag)> ReadAsync(string id, CancellationToken cancellationToken)
    {
        using var response = await _calls.SendAsync("find-response", id,
            ct => _container.ReadItemStreamAsync(id, new PartitionKey(id), cancellationToken: ct), new Charge(), cancellationToken);
        if (CosmosCalls.IsNotFound(response)) return (null, null);
        CosmosCalls.EnsureSuccess(response, "find-response", id);
        var document = await JsonSerializer.DeserializeAsync<IdempotencyDocument>(response.Content, CosmosJson.Options, cancellationToken);
        return (document, response.Headers.ETag);
    }
}
