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
/// Idempotency keys in the requests container (partition key <c>/id</c>, time to live on). A key is reserved by
/// creating its document, which only one request can do; a reservation is completed, released or, once its lease is
/// over (a crashed request), taken over only under the ETag it was read with, so no two requests ever hold one key.
/// </summary>
public sealed class CosmosIdempotencyStore : IIdempotencyStore
{
    private const int MaxRounds = 10;
    private readonly Container _container;
    private readonly CosmosCalls _calls;

    /// <summary>A store over the requests container (partition key <c>/id</c>, time to live on).</summary>
    /// <param name="retry">How transient Cosmos faults are retried; the defaults when null.</param>
    public CosmosIdempotencyStore(Container container, CosmosRetryOptions? retry = null, ILogger<CosmosIdempotencyStore>? logger = null)
    {
        _container = container ?? throw new ArgumentNullException(nameof(container));
        _calls = CosmosCalls.Create(retry, logger);
    }

    /// <inheritdoc />
    public async Task<IdempotencyReservation> ReserveAsync(IdempotencyClaim claim, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var token = Guid.NewGuid().ToString("N");
        var reservation = IdempotencyDocument.Reservation(claim, token);
        for (var round = 0; round < MaxRounds; round++)
        {
            var (existing, etag) = await ReadAsync(reservation.Id, cancellationToken);
            // A create that was retried after an ambiguous timeout may have been this one's own.
            if (existing?.Token == token) return new IdempotencyReservation.Reserved(token);
            if (existing is not null && existing.IsLive(claim.Now, claim.NotBefore)) return existing.Found();
            // Free, expired, or held by a request whose lease ran out: create, or replace exactly what was read.
            using var written = await WriteAsync("reserve-key", reservation, etag, cancellationToken);
            if (written.IsSuccessStatusCode) return new IdempotencyReservation.Reserved(token);
            // Another request created or took it first (or Cosmos expired it meanwhile): read again.
            EnsureRace(written, "reserve-key", reservation.Id);
        }
        throw new InvalidOperationException($"Idempotency key '{claim.Key}' kept changing hands; giving up after {MaxRounds} rounds.");
    }

    /// <inheritdoc />
    public async Task<bool> CompleteAsync(IdempotentResponse response, string token, DateTimeOffset notBefore, CancellationToken cancellationToken = default)
    {
        var document = IdempotencyDocument.From(response, notBefore);
        for (var round = 0; round < MaxRounds; round++)
        {
            var (existing, etag) = await ReadAsync(document.Id, cancellationToken);
            if (existing?.Token != token) return false;
            using var written = await WriteAsync("complete-key", document, etag, cancellationToken);
            if (written.IsSuccessStatusCode) return true;
            EnsureRace(written, "complete-key", document.Id);
        }
        throw new InvalidOperationException($"The reservation of idempotency key '{response.Key}' kept changing; giving up after {MaxRounds} rounds.");
    }

    /// <inheritdoc />
    public async Task ReleaseAsync(string key, string token, CancellationToken cancellationToken = default)
    {
        var id = IdempotencyDocument.IdOf(key);
        for (var round = 0; round < MaxRounds; round++)
        {
            var (existing, etag) = await ReadAsync(id, cancellationToken);
            if (existing?.Token != token) return;
            using var deleted = await _calls.SendAsync("release-key", id, ct => _container.DeleteItemStreamAsync(
                id, new PartitionKey(id), new ItemRequestOptions { IfMatchEtag = etag }, ct), new Charge(), cancellationToken);
            if (deleted.IsSuccessStatusCode || CosmosCalls.IsNotFound(deleted)) return;
            EnsureRace(deleted, "release-key", id);
        }
    }

    private async Task<ResponseMessage> WriteAsync(string operation, IdempotencyDocument document, string? etag, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(document, CosmosJson.Options);
        var partition = new PartitionKey(document.Id);
        return await _calls.SendAsync(operation, document.Id, ct => etag is null
            ? _container.CreateItemStreamAsync(new MemoryStream(body, writable: false), partition, cancellationToken: ct)
            : _container.ReplaceItemStreamAsync(new MemoryStream(body, writable: false), document.Id, partition,
                new ItemRequestOptions { IfMatchEtag = etag }, ct), new Charge(), cancellationToken);
    }

    // 409 (created meanwhile), 412 (changed since read) and 404 (expired since read) mean: read again and decide anew.
    private static void EnsureRace(ResponseMessage response, string operation, string id)
    {
        if (response.StatusCode is not (HttpStatusCode.Conflict or HttpStatusCode.PreconditionFailed or HttpStatusCode.NotFound))
            CosmosCalls.EnsureSuccess(response, operation, id);
    }

    private async Task<(IdempotencyDocument? Document, string? ETag)> ReadAsync(string id, CancellationToken cancellationToken)
    {
        using var response = await _calls.SendAsync("find-key", id,
            ct => _container.ReadItemStreamAsync(id, new PartitionKey(id), cancellationToken: ct), new Charge(), cancellationToken);
        if (CosmosCalls.IsNotFound(response)) return (null, null);
        CosmosCalls.EnsureSuccess(response, "find-key", id);
        var document = await JsonSerializer.DeserializeAsync<IdempotencyDocument>(response.Content, CosmosJson.Options, cancellationToken);
        return (document, response.Headers.ETag);
    }
}
