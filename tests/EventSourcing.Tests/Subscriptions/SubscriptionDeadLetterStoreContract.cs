using System.Text;
using EventSourcing.Store;
using EventSourcing.Subscriptions;

namespace EventSourcing.Tests.Subscriptions;

/// <summary>
/// What every subscription dead-letter store keeps: letters by subscription and event (parking again replaces), the
/// first parked event of each key in feed order, and the whole envelope. Each adapter runs it through a subclass.
/// </summary>
public abstract class SubscriptionDeadLetterStoreContract
{
    protected abstract Task<ISubscriptionDeadLetterStore> StoreAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Letters_come_back_whole_in_feed_order_and_parking_one_again_replaces_it()
    {
        var store = await StoreAsync();
        var subscription = $"sub-{Guid.NewGuid():N}";
        var first = Letter(subscription, "k1", position: 5, "boom", attempts: 3);
        var behind = Letter(subscription, "k1", position: 9, SubscriptionDeadLetter.WaitingBehind(first.Event.EventId), attempts: 0);
        var other = Letter(subscription, "k2", position: 7, "bang", attempts: 1);

        foreach (var letter in new[] { behind, other, first }) await store.ParkAsync(letter, Ct);
        await store.ParkAsync(first with { Error = "boom again", Attempts = 4 }, Ct);
        var letters = await store.ListAsync(subscription, Ct);

        Assert.Equal([first.Event.EventId, other.Event.EventId, behind.Event.EventId], letters.Select(l => l.Event.EventId));
        var stored = letters[0];
        Assert.Equal(("k1", "boom again", 4), (stored.Key, stored.Error, stored.Attempts));
        Assert.Equal((first.Event.StreamId, first.Event.StreamVersion, first.Event.Type, first.Event.SchemaVersion),
            (stored.Event.StreamId, stored.Event.StreamVersion, stored.Event.Type, stored.Event.SchemaVersion));
        Assert.Equal(Encoding.UTF8.GetString(first.Event.Data.Span), Encoding.UTF8.GetString(stored.Event.Data.Span));
        Assert.Equal(first.Event.Metadata.CorrelationId, stored.Event.Metadata.CorrelationId);
        Assert.Empty(await store.ListAsync($"{subscription}-other", Ct));
    }

    [Fact]
    public async Task Each_parked_key_reports_its_first_event_and_a_released_letter_is_gone()
    {
        var store = await StoreAsync();
        var subscription = $"sub-{Guid.NewGuid():N}";
        var first = Letter(subscription, "k1", position: 3, "boom", attempts: 2);
        var behind = Letter(subscription, "k1", position: 4, "waiting", attempts: 0);
        await store.ParkAsync(behind, Ct);
        await store.ParkAsync(first, Ct);

        var parked = await store.GetParkedKeysAsync(subscription, ["k1", "k2"], Ct);
        await store.ReleaseAsync(first, Ct);
        await store.ReleaseAsync(first, Ct); // gone already: nothing happens
        var afterRelease = await store.GetParkedKeysAsync(subscription, ["k1"], Ct);

        Assert.Equal(first.Event.EventId, Assert.Single(parked, p => p.Key == "k1").Value);
        Assert.DoesNotContain("k2", parked.Keys);
        Assert.Equal(behind.Event.EventId, afterRelease["k1"]);
        Assert.Empty(await store.GetParkedKeysAsync(subscription, [], Ct));
    }

    // Positions and commit times agree, as they do in a feed; a store without positions orders by the time.
    private static SubscriptionDeadLetter Letter(string subscription, string key, long position, string error, int attempts) =>
        new(subscription, key, new RecordedEvent(Guid.NewGuid(), $"stream-{key}", position, position, "Something", 2,
            new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero).AddSeconds(position), Encoding.UTF8.GetBytes($$"""{"n":{{position}}}"""),
            new EventMetadata($"corr-{position}")), error, attempts, DateTimeOffset.UnixEpoch);
}

public sealed class SqliteSubscriptionDeadLetterStoreTests : SubscriptionDeadLetterStoreContract, IDisposable
{
    private readonly Support.TempDirectory _folder = new();
    private readonly EventSourcing.Sqlite.Sagas.SqliteSagaStore _store;

    public SqliteSubscriptionDeadLetterStoreTests() => _store = new(_folder.File("sagas.db"));

    protected override Task<ISubscriptionDeadLetterStore> StoreAsync() => Task.FromResult<ISubscriptionDeadLetterStore>(_store);

    public void Dispose()
    {
        _store.Dispose();
        _folder.Dispose();
    }
}
