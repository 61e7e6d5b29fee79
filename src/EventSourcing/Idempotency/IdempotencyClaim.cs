namespace EventSourcing.Idempotency;

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
