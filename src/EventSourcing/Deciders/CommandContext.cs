using EventSourcing.Store;

namespace EventSourcing.Deciders;

/// <summary>What a command carries besides itself: why it was sent and what the caller expects.</summary>
/// <param name="ExpectedVersion">The version the caller saw (HTTP If-Match). When set, a conflict is the caller's and is not retried.</param>
/// <param name="CorrelationId">Copied into every event the command causes.</param>
/// <param name="CausationId">The id of the message that caused this command; copied into its events.</param>
/// <param name="Headers">Free-form headers copied into every event.</param>
/// <param name="IdempotencyKey">
/// When set, event ids are derived from it, so running the same command again (a client or activity
/// retry) is recognised by the store and appends nothing.
/// </param>
public sealed record CommandContext(
    ExpectedVersion? ExpectedVersion = null,
    string? CorrelationId = null,
    string? CausationId = null,
    IReadOnlyDictionary<string, string>? Headers = null,
    string? IdempotencyKey = null)
{
    /// <summary>No expected version, correlation, headers or idempotency key.</summary>
    public static CommandContext None { get; } = new();

    internal EventMetadata ToMetadata() => new(CorrelationId, CausationId, Headers);
}
