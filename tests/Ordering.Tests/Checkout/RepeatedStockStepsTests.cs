using EventSourcing.Deciders;
using EventSourcing.Serialization;
using EventSourcing.Sqlite;
using EventSourcing.Store;
using Ordering.Application;
using Ordering.Checkout;
using Ordering.Contracts;
using Ordering.Contracts.Inventory;
using Ordering.Domain;
using Ordering.Domain.Inventory;
using Ordering.Tests.Support;

namespace Ordering.Tests.Checkout;

/// <summary>
/// The stock state keeps no record of finished orders, so a checkout step repeated after the commit (a crash before the
/// saga recorded it, a stale retry) must be recognised by its event ids: through the real handler and store it adds nothing.
/// </summary>
public sealed class RepeatedStockStepsTests : IAsyncDisposable
{
    private const string Sku = "book-1";
    private readonly TempDirectory _folder = new();
    private readonly SqliteEventStore _store;
    private readonly OrderingHandlers _handlers;
    private readonly CheckoutActivities _activities;

    public RepeatedStockStepsTests()
    {
        _store = SqliteEventStore.Open(new SqliteStoreOptions { DatabasePath = _folder.File("events.db") });
        _handlers = new OrderingHandlers(new AggregateStore(_store, new EventSerializer(OrderingEventTypes.Create())));
        _activities = new CheckoutActivities(_handlers, TimeProvider.System);
    }

    [Fact]
    public async Task Reserve_commit_and_release_repeated_after_the_commit_leave_the_stock_sold_once()
    {
        var ct = TestContext.Current.CancellationToken;
        await _handlers.Stock.HandleAsync(StreamIds.Inventory(Sku), new AddStock(Sku, 5), cancellationToken: ct);
        var step = new StockStep("o1", Sku, 2, new SagaTrace(null, null));
        await _activities.ReserveStock(step, ct);
        await _activities.CommitStock(step, ct);

        await _activities.ReserveStock(step, ct);
        await _activities.CommitStock(step, ct);
        await _activities.ReleaseStock(step, ct);

        var events = await _store.ReadStreamAsync(StreamIds.Inventory(Sku), StreamReadOptions.All, ct);
        Assert.Equal(["StockAdded", "StockReserved", "ReservationCommitted"], events.Select(e => e.Type));
        var state = (await _handlers.Stock.HandleAsync(StreamIds.Inventory(Sku), new ReleaseReservation(Sku, "o1"), cancellationToken: ct)).State;
        Assert.Equal((3, 0, 3), (state.OnHand, state.Reserved, state.Available));
    }

    public async ValueTask DisposeAsync()
    {
        await _store.DisposeAsync();
        _folder.Dispose();
    }
}
