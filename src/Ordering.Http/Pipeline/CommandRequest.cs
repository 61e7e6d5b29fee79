using EventSourcing.Deciders;
using EventSourcing.Store;

namespace Ordering.Http.Pipeline;

/// <summary>A write request as the pipeline hands it to an endpoint: body read, headers interpreted.</summary>
public sealed record CommandRequest(byte[] Body, ExpectedVersion? ExpectedVersion, string CorrelationId, string RequestId, string? IdempotencyKey)
{
    /// <summary>The body as <typeparamref name="T"/>.</summary>
    public T Read<T>() => RequestBody.Parse<T>(Body);

    /// <summary>What the events this request causes carry: its correlation id, its request id as cause, and the If-Match version.</summary>
    public CommandContext Context => new(ExpectedVersion, CorrelationId, RequestId, IdempotencyKey: IdempotencyKey);
}
