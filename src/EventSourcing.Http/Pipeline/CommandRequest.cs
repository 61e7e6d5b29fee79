using EventSourcing.Deciders;
using EventSourcing.Store;

namespace EventSourcing.Http.Pipeline;

/// <summary>A write request as the pipeline hands it to an endpoint: body read, headers interpreted.</summary>
/// <param name="Body">The raw JSON body (empty when none was sent).</param>
/// <param name="ExpectedVersion">What If-Match asks for; null without the header.</param>
/// <param name="CorrelationId">The request's correlation id (see <see cref="Correlation"/>).</param>
/// <param name="RequestId">The host's id of this request, recorded as the cause of its events.</param>
/// <param name="IdempotencyKey">
/// With an Idempotency-Key, the key the command derives its event ids from (scoped to caller, route and request); null without one.
/// </param>
public sealed record CommandRequest(byte[] Body, ExpectedVersion? ExpectedVersion, string CorrelationId, string RequestId, string? IdempotencyKey)
{
    /// <summary>The body as <typeparamref name="T"/>.</summary>
    /// <exception cref="BadRequestException">No body, malformed JSON or a value of the wrong type (a 400 naming the field).</exception>
    public T Read<T>() => RequestBody.Parse<T>(Body);

    /// <summary>What the events this request causes carry: its correlation id, its request id as cause, and the If-Match version.</summary>
    public CommandContext Context => new(ExpectedVersion, CorrelationId, RequestId, IdempotencyKey: IdempotencyKey);
}
