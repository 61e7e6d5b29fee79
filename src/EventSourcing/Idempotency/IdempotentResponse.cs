namespace EventSourcing.Idempotency;

/// <summary>The first response to a request that carried an idempotency key, kept to answer its repeats.</summary>
/// <param name="Key">The client's idempotency key, scoped by the caller (e.g. with the route).</param>
/// <param name="RequestHash">A hash of what was asked (method, path, body); a repeat with another hash is a misuse.</param>
/// <param name="StatusCode">The status code first answered.</param>
/// <param name="ContentType">The content type first answered, if any.</param>
/// <param name="Body">The body first answered.</param>
/// <param name="Headers">The response headers worth replaying (Location, ETag).</param>
/// <param name="CreatedAt">When it was first answered; records expire after the retention window.</param>
public sealed record IdempotentResponse(
    string Key,
    string RequestHash,
    int StatusCode,
    string? ContentType,
    ReadOnlyMemory<byte> Body,
    IReadOnlyDictionary<string, string> Headers,
    DateTimeOffset CreatedAt);
