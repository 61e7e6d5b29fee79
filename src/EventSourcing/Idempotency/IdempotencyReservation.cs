namespace EventSourcing.Idempotency;

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
