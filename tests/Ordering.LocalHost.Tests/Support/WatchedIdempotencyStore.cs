using EventSourcing.Idempotency;

namespace Ordering.LocalHost.Tests.Support;

/// <summary>The host's idempotency store, telling the test when a request found its key held by another one.</summary>
public sealed class WatchedIdempotencyStore(IIdempotencyStore inner) : IIdempotencyStore
{
    private readonly TaskCompletionSource _sawInProgress = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when a reservation was refused because the key's first request is still running.</summary>
    public Task SawInProgress => _sawInProgress.Task;

    public async Task<IdempotencyReservation> ReserveAsync(IdempotencyClaim claim, CancellationToken cancellationToken = default)
    {
        var reservation = await inner.ReserveAsync(claim, cancellationToken);
        if (reservation is IdempotencyReservation.InProgress) _sawInProgress.TrySetResult();
        return reservation;
    }

    public Task<bool> CompleteAsync(IdempotentResponse response, string token, DateTimeOffset notBefore, CancellationToken cancellationToken = default) =>
        inner.CompleteAsync(response, token, notBefore, cancellationToken);

    public Task ReleaseAsync(string key, string token, CancellationToken cancellationToken = default) =>
        inner.ReleaseAsync(key, token, cancellationToken);
}
