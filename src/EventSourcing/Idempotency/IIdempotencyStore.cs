namespace EventSourcing.Idempotency;

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
