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

/// <summary>A request asking to hold an idempotency key while it runs.</summary>
/// <param name="Key">The scoped idempotency key.</param>
/// <param name="RequestHash">What is asked; a later request with the key and another hash is a misuse.</param>
/// <param name="Now">When the request arrived.</param>
/// <param name="NotBefore">Start of the retention window: responses older than this no longer answer.</param>
/// <param name="Lease">How long the reservation holds if the request never completes or releases it (a crash).</param>
public sealed record IdempotencyClaim(string Key, string RequestHash, DateTimeOffset Now, DateTimeOffset NotBefore, TimeSpan Lease)
{
    /// <summary>When a reservation made by this claim stops holding the key.</summary>
    public DateTimeOffset LeaseUntil => Now + Lease;
}

/// <summary>What reserving an idempotency key found.</summary>
public abstract record IdempotencyReservation
{
    private IdempotencyReservation() { }

    /// <summary>The key is this request's: run it, then complete or release with <paramref name="Token"/>.</summary>
    public sealed record Reserved(string Token) : IdempotencyReservation;

    /// <summary>Another request holds the key and has not answered yet (its lease runs until <paramref name="LeaseUntil"/>).</summary>
    public sealed record InProgress(string RequestHash, DateTimeOffset LeaseUntil) : IdempotencyReservation;

    /// <summary>The key was answered within the window: <paramref name="Response"/> is the first answer.</summary>
    public sealed record Completed(IdempotentResponse Response) : IdempotencyReservation;
}

/// <summary>
/// Keeps idempotency keys for a retention window (24 hours in the HTTP API): reserved atomically before a request runs,
/// so a concurrent duplicate never runs too, then completed with the first response, which answers every repeat.
/// </summary>
public interface IIdempotencyStore
{
    /// <summary>
    /// Reserves <see cref="IdempotencyClaim.Key"/> unless it is held: by a live response (newer than
    /// <see cref="IdempotencyClaim.NotBefore"/>) or by another request's reservation whose lease has not run out.
    /// Of any number of concurrent claims on a free key exactly one gets <see cref="IdempotencyReservation.Reserved"/>.
    /// </summary>
    Task<IdempotencyReservation> ReserveAsync(IdempotencyClaim claim, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces the reservation <paramref name="token"/> holds with <paramref name="response"/>; returns false, changing
    /// nothing, when the reservation is no longer held by that token (its lease ran out and another request took it).
    /// </summary>
    /// <param name="notBefore">Start of the retention window; the response is kept as long as it stays inside it.</param>
    Task<bool> CompleteAsync(IdempotentResponse response, string token, DateTimeOffset notBefore, CancellationToken cancellationToken = default);

    /// <summary>Frees the key if <paramref name="token"/> still holds it, so a retry runs (after a failure that is not an answer).</summary>
    Task ReleaseAsync(string key, string token, CancellationToken cancellationToken = default);
}
