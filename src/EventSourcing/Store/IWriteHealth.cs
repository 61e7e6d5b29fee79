namespace EventSourcing.Store;

/// <summary>
/// A store that knows whether it can write right now (a full disk leaves reads working), for readiness checks.
/// </summary>
public interface IWriteHealth
{
    /// <summary>
    /// Null when writes work; otherwise why they fail. When the last write failed, this tries a small commit of its own
    /// first, so a store whose fault has gone (space freed) reports healthy without waiting for the next append.
    /// </summary>
    Task<string?> CheckWritesAsync(CancellationToken cancellationToken = default);
}
