using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Azure.Cosmos;

namespace EventSourcing.Cosmos.Tests.Support;

/// <summary>
/// The events container as the event store's appends use it, in memory, where no Cosmos emulator runs: point reads,
/// the event-id query (answered for the ids its text names, in one partition or across all), and transactional
/// batches with the service's rules (an existing id is 409, a stale or missing ETag 412 or 404, all or nothing).
/// Every request is recorded, and a batch can be made to fail as the service does (a timeout after committing, say).
/// </summary>
public sealed partial class FakeEventsContainer : Container
{
    private static readonly Regex Guids = new("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", RegexOptions.IgnoreCase | RegexOptions.Compiled);
    private readonly Dictionary<string, Dictionary<string, (byte[] Json, string ETag)>> _partitions = new(StringComparer.Ordinal);
    private readonly List<Request> _requests = [];
    private readonly Lock _lock = new();

    /// <summary>A request the store sent: <c>read</c>, <c>query</c> or <c>batch</c>, and the partition it went to (null: every partition).</summary>
    public sealed record Request(string Operation, string? Partition);

    /// <summary>How the next batch fails: whether it commits first, then the status it answers or the exception it throws.</summary>
    public sealed record BatchFault(bool Commits, HttpStatusCode Answers = HttpStatusCode.RequestTimeout, Exception? Throws = null);

    /// <summary>Faults for the next batches, in order; a batch with none left runs normally.</summary>
    public Queue<BatchFault> BatchFaults { get; } = new();

    public IReadOnlyList<Request> Requests
    {
        get { lock (_lock) return [.. _requests]; }
    }

    public void ClearRequests()
    {
        lock (_lock) _requests.Clear();
    }

    /// <summary>The ids and versions of every event stored in the stream, by version.</summary>
    public IReadOnlyList<(Guid Id, long Version)> StoredEvents(string streamId)
    {
        lock (_lock)
        {
            return [.. Commits(streamId, _partitions.GetValueOrDefault(streamId))
                .SelectMany(c => c["events"]!.AsArray().Select(e => (e!["id"]!.GetValue<Guid>(), e["version"]!.GetValue<long>())))
                .OrderBy(e => e.Item2)];
        }
    }

    public override Task<ResponseMessage> ReadItemStreamAsync(
        string id, PartitionKey partitionKey, ItemRequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        var partition = Partition(partitionKey);
        lock (_lock)
        {
            _requests.Add(new("read", partition));
            if (_partitions.GetValueOrDefault(partition)?.GetValueOrDefault(id) is not ({ } json, { } etag))
                return Task.FromResult(new ResponseMessage(HttpStatusCode.NotFound));
            var response = new ResponseMessage(HttpStatusCode.OK) { Content = new MemoryStream(json, writable: false) };
            response.Headers["etag"] = etag;
            return Task.FromResult(response);
        }
    }

    public override FeedIterator GetItemQueryStreamIterator(
        QueryDefinition queryDefinition, string? continuationToken = null, QueryRequestOptions? requestOptions = null)
    {
        ArgumentNullException.ThrowIfNull(queryDefinition);
        if (!queryDefinition.QueryText.Contains("e.id IN", StringComparison.Ordinal))
            throw new NotSupportedException($"The fake answers only the event-id query, not: {queryDefinition.QueryText}");
        var ids = Guids.Matches(queryDefinition.QueryText).Select(m => Guid.Parse(m.Value)).ToHashSet();
        var partition = requestOptions?.PartitionKey is { } key ? Partition(key) : null;
        return new OnePage(() => EventIdRows(ids, partition));
    }

    public override TransactionalBatch CreateTransactionalBatch(PartitionKey partitionKey) => new Batch(this, Partition(partitionKey));

    private ResponseMessage EventIdRows(HashSet<Guid> ids, string? partition)
    {
        var rows = new JsonArray();
        lock (_lock)
        {
            _requests.Add(new("query", partition));
            foreach (var (stream, documents) in _partitions.Where(p => partition is null || p.Key == partition))
                foreach (var commit in Commits(stream, documents))
                    foreach (var e in commit["events"]!.AsArray().Where(e => ids.Contains(e!["id"]!.GetValue<Guid>())))
                        rows.Add(new JsonObject { ["streamId"] = stream, ["id"] = e!["id"]!.GetValue<Guid>(), ["version"] = e["version"]!.GetValue<long>() });
        }
        return new ResponseMessage(HttpStatusCode.OK) { Content = new MemoryStream(Encoding.UTF8.GetBytes(new JsonObject { ["Documents"] = rows }.ToJsonString())) };
    }

    private static IEnumerable<JsonNode> Commits(string stream, Dictionary<string, (byte[] Json, string ETag)>? documents) =>
        (documents?.Values ?? Enumerable.Empty<(byte[] Json, string ETag)>())
            .Select(d => JsonNode.Parse(d.Json)!)
            .Where(d => (string?)d["kind"] == "commit" && (string?)d["streamId"] == stream);

    private Answer Execute(string partition, List<Operation> operations)
    {
        BatchFault? fault;
        lock (_lock)
        {
            _requests.Add(new("batch", partition));
            fault = BatchFaults.TryDequeue(out var next) ? next : null;
            if (fault is null) return Apply(partition, operations);
            if (fault.Commits) Apply(partition, operations);
        }
        if (fault.Throws is not null) throw fault.Throws;
        return new Answer(fault.Answers, [fault.Answers, .. operations.Skip(1).Select(_ => HttpStatusCode.FailedDependency)]);
    }

    // All or nothing: the first operation the service would refuse fails the batch, the others answer 424.
    private Answer Apply(string partition, List<Operation> operations)
    {
        var documents = _partitions.TryGetValue(partition, out var existing) ? existing : [];
        for (var i = 0; i < operations.Count; i++)
        {
            var op = operations[i];
            var refusal = documents.TryGetValue(op.Id, out var stored)
                ? op.IfMatch is null ? HttpStatusCode.Conflict : stored.ETag != op.IfMatch ? HttpStatusCode.PreconditionFailed : (HttpStatusCode?)null
                : op.IfMatch is null ? null : HttpStatusCode.NotFound;
            if (refusal is { } status)
                return new Answer(status, [.. operations.Select((_, j) => j == i ? status : HttpStatusCode.FailedDependency)]);
        }
        foreach (var op in operations) documents[op.Id] = (op.Json, $"\"{Guid.NewGuid():N}\"");
        _partitions[partition] = documents;
        return new Answer(HttpStatusCode.OK, [.. operations.Select(o => o.IfMatch is null ? HttpStatusCode.Created : HttpStatusCode.OK)]);
    }

    private static string Partition(PartitionKey key) => JsonSerializer.Deserialize<string[]>(key.ToString())![0];

    private sealed record Operation(string Id, byte[] Json, string? IfMatch);

    private sealed class Batch(FakeEventsContainer container, string partition) : TransactionalBatch
    {
        private readonly List<Operation> _operations = [];

        public override TransactionalBatch CreateItemStream(Stream streamPayload, TransactionalBatchItemRequestOptions? requestOptions = null) =>
            Add(null, streamPayload, null);

        public override TransactionalBatch ReplaceItemStream(string id, Stream streamPayload, TransactionalBatchItemRequestOptions? requestOptions = null) =>
            Add(id, streamPayload, requestOptions?.IfMatchEtag ?? throw new NotSupportedException("The store replaces only under an ETag."));

        public override Task<TransactionalBatchResponse> ExecuteAsync(CancellationToken cancellationToken = default) =>
            Task.FromResult<TransactionalBatchResponse>(container.Execute(partition, _operations));

        public override Task<TransactionalBatchResponse> ExecuteAsync(TransactionalBatchRequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
            ExecuteAsync(cancellationToken);

        public override TransactionalBatch CreateItem<T>(T item, TransactionalBatchItemRequestOptions? requestOptions = null) => throw new NotSupportedException();
        public override TransactionalBatch ReadItem(string id, TransactionalBatchItemRequestOptions? requestOptions = null) => throw new NotSupportedException();
        public override TransactionalBatch UpsertItem<T>(T item, TransactionalBatchItemRequestOptions? requestOptions = null) => throw new NotSupportedException();
        public override TransactionalBatch UpsertItemStream(Stream streamPayload, TransactionalBatchItemRequestOptions? requestOptions = null) => throw new NotSupportedException();
        public override TransactionalBatch ReplaceItem<T>(string id, T item, TransactionalBatchItemRequestOptions? requestOptions = null) => throw new NotSupportedException();
        public override TransactionalBatch DeleteItem(string id, TransactionalBatchItemRequestOptions? requestOptions = null) => throw new NotSupportedException();
        public override TransactionalBatch PatchItem(string id, IReadOnlyList<PatchOperation> patchOperations, TransactionalBatchPatchItemRequestOptions? requestOptions = null) =>
            throw new NotSupportedException();

        private Batch Add(string? id, Stream payload, string? ifMatch)
        {
            using var copy = new MemoryStream();
            payload.CopyTo(copy);
            var json = copy.ToArray();
            if (JsonNode.Parse(json)!["id"]?.GetValue<string>() is not { } documentId || (id is not null && id != documentId))
                throw new NotSupportedException("Every document needs its id, and a replace the same one.");
            _operations.Add(new Operation(documentId, json, ifMatch));
            return this;
        }
    }

    private sealed class Answer(HttpStatusCode status, IReadOnlyList<HttpStatusCode> operations) : TransactionalBatchResponse
    {
        public override HttpStatusCode StatusCode => status;
        public override bool IsSuccessStatusCode => (int)status is >= 200 and < 300;
        public override string? ErrorMessage => IsSuccessStatusCode ? null : $"fake {(int)status}";
        public override string ActivityId => "fake";
        public override double RequestCharge => 0;
        public override TimeSpan? RetryAfter => null;
        public override int Count => operations.Count;
        public override TransactionalBatchOperationResult this[int index] => new Result(operations[index]);
        public override IEnumerator<TransactionalBatchOperationResult> GetEnumerator() =>
            operations.Select(s => (TransactionalBatchOperationResult)new Result(s)).GetEnumerator();
    }

    private sealed class Result(HttpStatusCode status) : TransactionalBatchOperationResult
    {
        public override HttpStatusCode StatusCode => status;
        public override bool IsSuccessStatusCode => (int)status is >= 200 and < 300;
    }

    private sealed class OnePage(Func<ResponseMessage> read) : FeedIterator
    {
        private bool _read;

        public override bool HasMoreResults => !_read;

        public override Task<ResponseMessage> ReadNextAsync(CancellationToken cancellationToken = default)
        {
            _read = true;
            return Task.FromResult(read());
        }
    }
}
