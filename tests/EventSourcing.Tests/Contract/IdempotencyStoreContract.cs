using EventSourcing.Idempotency;

namespace EventSourcing.Tests.Contract;

/// <summary>
/// What every idempotency store promises, written once: one holder per key, answers kept for the window, reservations
/// that a crash cannot keep forever. Subclasses open the store; every test uses keys of its own.
/// </summary>
public abstract class IdempotencyStoreContract
{
    private static readonly TimeSpan Window = TimeSpan.FromHours(24);
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    protected abstract Task<IIdempotencyStore> OpenStoreAsync();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Of_many_concurrent_claims_on_a_free_key_exactly_one_holds_it()
    {
        var store = await OpenStoreAsync();
        var key = NewKey();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => store.ReserveAsync(Claim(key, "hash"), Cancel), Cancel)));

        Assert.Single(outcomes.OfType<IdempotencyReservation.Reserved>());
        Assert.All(outcomes.Where(o => o is not IdempotencyReservation.Reserved), o =>
            Assert.Equal("hash", Assert.IsType<IdempotencyReservation.InProgress>(o).RequestHash));
    }

    [Fact]
    public async Task A_completed_key_answers_every_later_claim_with_its_first_response()
    {
        var store = await OpenStoreAsync();
        var key = NewKey();
        var token = Reserved(await store.ReserveAsync(Claim(key, "hash"), Cancel));

        var completed = await store.CompleteAsync(Response(key, 201, Now), token, Now - Window, Cancel);
        var again = await store.ReserveAsync(Claim(key, "other-hash", Now.AddMinutes(5)), Cancel);

        Assert.True(completed);
        var first = Assert.IsType<IdempotencyReservation.Completed>(again).Response;
        Assert.Equal((201, "hash", "{}"), (first.StatusCode, first.RequestHash, System.Text.Encoding.UTF8.GetString(first.Body.Span)));
        Assert.IsType<IdempotencyReservation.Reserved>(await store.ReserveAsync(Claim(NewKey(), "hash"), Cancel));
    }

    [Fact]
    public async Task A_released_key_is_free_for_the_next_claim()
    {
        var store = await OpenStoreAsync();
        var key = NewKey();
        var token = Reserved(await store.ReserveAsync(Claim(key, "hash"), Cancel));

        await store.ReleaseAsync(key, token, Cancel);

        Assert.IsType<IdempotencyReservation.Reserved>(await store.ReserveAsync(Claim(key, "hash"), Cancel));
    }

    [Fact]
    public async Task A_reservation_whose_lease_ran_out_is_taken_over_and_its_old_holder_can_no_longer_answer()
    {
        var store = await OpenStoreAsync();
        var key = NewKey();
        var crashed = Reserved(await store.ReserveAsync(Claim(key, "hash"), Cancel));

        var duringLease = await store.ReserveAsync(Claim(key, "hash", Now + Lease - TimeSpan.FromSeconds(1)), Cancel);
        var takeover = Reserved(await store.ReserveAsync(Claim(key, "hash", Now + Lease), Cancel));
        var lateAnswer = await store.CompleteAsync(Response(key, 500, Now), crashed, Now - Window, Cancel);
        await store.ReleaseAsync(key, crashed, Cancel);

        Assert.IsType<IdempotencyReservation.InProgress>(duringLease);
        Assert.False(lateAnswer);
        Assert.True(await store.CompleteAsync(Response(key, 201, Now + Lease), takeover, Now + Lease - Window, Cancel));
        Assert.Equal(201, Assert.IsType<IdempotencyReservation.Completed>(await store.ReserveAsync(Claim(key, "hash", Now + Lease), Cancel)).Response.StatusCode);
    }

    [Fact]
    public async Task A_response_older_than_the_window_no_longer_answers_and_the_key_is_reserved_anew()
    {
        var store = await OpenStoreAsync();
        var key = NewKey();
        var token = Reserved(await store.ReserveAsync(Claim(key, "hash"), Cancel));
        await store.CompleteAsync(Response(key, 201, Now), token, Now - Window, Cancel);

        var inside = await store.ReserveAsync(Claim(key, "hash", Now + Window), Cancel);
        var after = await store.ReserveAsync(Claim(key, "other-hash", Now + Window + TimeSpan.FromSeconds(1)), Cancel);

        Assert.IsType<IdempotencyReservation.Completed>(inside);
        Assert.IsType<IdempotencyReservation.Reserved>(after);
    }

    [Fact]
    public async Task Another_token_neither_completes_nor_releases_a_reservation()
    {
        var store = await OpenStoreAsync();
        var key = NewKey();
        Reserved(await store.ReserveAsync(Claim(key, "hash"), Cancel));

        var completed = await store.CompleteAsync(Response(key, 201, Now), "not-the-token", Now - Window, Cancel);
        await store.ReleaseAsync(key, "not-the-token", Cancel);

        Assert.False(completed);
        Assert.IsType<IdempotencyReservation.InProgress>(await store.ReserveAsync(Claim(key, "hash"), Cancel));
    }

    private static string NewKey() => $"caller POST /api/orders|{Guid.NewGuid():N}";

    private static IdempotencyClaim Claim(string key, string hash, DateTimeOffset? at = null) =>
        new(key, hash, at ?? Now, (at ?? Now) - Window, Lease);

    private static string Reserved(IdempotencyReservation reservation) => Assert.IsType<IdempotencyReservation.Reserved>(reservation).Token;

    private static IdempotentResponse Response(string key, int status, DateTimeOffset at) =>
        new(key, "hash", status, "application/json", "{}"u8.ToArray(), new Dictionary<string, string> { ["ETag"] = "\"1\"" }, at);
}
