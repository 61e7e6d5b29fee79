using System.Text;
using System.Text.Json;
using EventSourcing.Cosmos.Documents;
using EventSourcing.Cosmos.Idempotency;
using EventSourcing.Idempotency;

namespace EventSourcing.Cosmos.Tests.Idempotency;

public sealed class IdempotencyDocumentTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset NotBefore = Now - TimeSpan.FromHours(24);

    private static readonly IdempotentResponse First = new("POST /api/orders|key-1", "ABC123", 201, "application/json",
        Encoding.UTF8.GetBytes("""{"orderId":"o-1"}"""), new Dictionary<string, string> { ["Location"] = "/api/orders/o-1", ["ETag"] = "\"1\"" }, Now);

    [Fact]
    public void A_stored_first_response_replays_exactly_as_it_was_answered()
    {
        var json = JsonSerializer.Serialize(IdempotencyDocument.From(First, NotBefore), CosmosJson.Options);
        var back = JsonSerializer.Deserialize<IdempotencyDocument>(json, CosmosJson.Options)!.ToResponse();

        Assert.Equal((First.Key, First.RequestHash, First.StatusCode, First.ContentType, First.CreatedAt),
            (back.Key, back.RequestHash, back.StatusCode, back.ContentType, back.CreatedAt));
        Assert.Equal(First.Body.ToArray(), back.Body.ToArray());
        Assert.Equal(First.Headers, back.Headers);
    }

    [Fact]
    public void Keys_of_any_shape_make_valid_distinct_ids()
    {
        string[] keys = ["POST /api/orders|a/b?c#d", "POST /api/orders|a/b?c#e", new string('k', 2000)];

        var ids = keys.Select(IdempotencyDocument.IdOf).ToList();

        Assert.Equal(keys.Length, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(ids, id => Assert.Matches("^[0-9a-f]{64}$", id));
        Assert.Equal(ids[0], IdempotencyDocument.IdOf(keys[0]));
    }

    [Fact]
    public void Cosmos_deletes_the_record_a_minute_after_the_retention_window_ends()
    {
        Assert.Equal(24 * 3600 + IdempotencyDocument.TtlSlackSeconds, IdempotencyDocument.From(First, NotBefore).Ttl);
    }

    [Fact]
    public void A_record_older_than_the_window_no_longer_answers_even_before_cosmos_deletes_it()
    {
        var document = IdempotencyDocument.From(First, NotBefore);

        Assert.True(document.IsLive(Now, NotBefore));
        Assert.True(document.IsLive(Now, Now));
        Assert.False(document.IsLive(Now, Now.AddTicks(1)));
    }

    [Fact]
    public void A_reservation_holds_its_key_until_its_lease_ends_and_cosmos_removes_it_a_minute_later()
    {
        var claim = new IdempotencyClaim(First.Key, First.RequestHash, Now, NotBefore, TimeSpan.FromMinutes(2));

        var reservation = IdempotencyDocument.Reservation(claim, "token-1");

        Assert.True(reservation.IsReservation);
        Assert.True(reservation.IsLive(Now.AddMinutes(2).AddTicks(-1), NotBefore));
        Assert.False(reservation.IsLive(Now.AddMinutes(2), NotBefore));
        Assert.Equal(120 + IdempotencyDocument.TtlSlackSeconds, reservation.Ttl);
        Assert.IsType<IdempotencyReservation.InProgress>(reservation.Found());
        Assert.IsType<IdempotencyReservation.Completed>(IdempotencyDocument.From(First, NotBefore).Found());
    }
}
