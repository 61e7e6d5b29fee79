using EventSourcing.Cosmos.Documents;
using EventSourcing.Serialization;
using EventSourcing.Sqlite;
using EventSourcing.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Ordering.Checkout;
using Ordering.Contracts;
using Ordering.Contracts.Orders;
using Ordering.Contracts.Payments;
using Ordering.Domain;
using Ordering.Functions.ChangeFeed;
using Ordering.Functions.Tests.Support;

namespace Ordering.Functions.Tests.ChangeFeed;

/// <summary>
/// The RefundLatePayments function as the host calls it, with a change-feed batch of commit documents. The app's own
/// composition, its event store replaced by SQLite (no Cosmos here) holding the same events the batch carries.
/// </summary>
public sealed class RefundLatePaymentsFunctionTests : IAsyncDisposable
{
    private static readonly DateTimeOffset At = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly TempStore _store = new();
    private readonly FunctionsComposition _app;
    private readonly ChangeFeedFunctions _functions;
    private readonly EventSerializer _serializer = new(OrderingEventTypes.Create());

    public RefundLatePaymentsFunctionTests(ITestOutputHelper output)
    {
        _app = new FunctionsComposition(output, services => services.Replace(ServiceDescriptor.Singleton<IEventStore>(_store.Store)));
        _functions = _app.Activate<ChangeFeedFunctions>();
    }

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_batch_with_a_cancellation_and_a_later_payment_refunds_it_once_however_often_it_is_delivered()
    {
        var orderId = $"o-{Guid.NewGuid():N}";
        var order = await Commit(StreamIds.Order(orderId), new OrderCreated(orderId, "c-1", "EUR", At), new OrderCancelled(orderId, "c-1", "changed my mind", At));
        var payment = await Commit(StreamIds.Payment(orderId), new PaymentConfirmed(orderId, 19m));
        IReadOnlyList<CommitDocument> batch = [order, payment];

        await _functions.RefundLatePayments(batch, Cancellation);
        await Task.WhenAll(_functions.RefundLatePayments(batch, Cancellation), _functions.RefundLatePayments(batch, Cancellation));

        var events = await _store.Store.ReadStreamAsync(StreamIds.Payment(orderId), StreamReadOptions.All, Cancellation);
        Assert.Equal(["PaymentConfirmed", "PaymentRefunded"], events.Select(e => e.Type));
        Assert.Equal(new PaymentRefunded(orderId, 19m, "order cancelled: changed my mind"), _serializer.Deserialize(events[^1]));
    }

    [Fact]
    public async Task A_payment_for_an_order_that_is_not_cancelled_is_kept()
    {
        var orderId = $"o-{Guid.NewGuid():N}";
        var order = await Commit(StreamIds.Order(orderId), new OrderCreated(orderId, "c-1", "EUR", At));
        var payment = await Commit(StreamIds.Payment(orderId), new PaymentConfirmed(orderId, 19m));

        await _functions.RefundLatePayments([order, payment], Cancellation);

        var events = await _store.Store.ReadStreamAsync(StreamIds.Payment(orderId), StreamReadOptions.All, Cancellation);
        Assert.Equal(["PaymentConfirmed"], events.Select(e => e.Type));
    }

    /// <summary>Appends the events as a new stream, and returns the commit document the change feed would bring of them.</summary>
    private async Task<CommitDocument> Commit(string streamId, params object[] events)
    {
        EventData[] data = [.. events.Select(e => _serializer.Serialize(e, Guid.NewGuid(), new EventMetadata($"request-{streamId}")))];
        await _store.Store.AppendAsync(streamId, ExpectedVersion.NoStream, data, Cancellation);
        return DocumentMapper.ToCommit(streamId, 1, At, data);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _store.DisposeAsync();
    }

    private sealed class TempStore : IAsyncDisposable
    {
        private readonly string _directory = Directory.CreateTempSubdirectory("refund-function-").FullName;

        public TempStore() => Store = SqliteEventStore.Open(new SqliteStoreOptions { DatabasePath = Path.Combine(_directory, "events.db") });

        public SqliteEventStore Store { get; }

        public async ValueTask DisposeAsync()
        {
            await Store.DisposeAsync();
            try { Directory.Delete(_directory, recursive: true); }
            catch (IOException) { /* the OS cleans temp */ }
        }
    }
}
