using EventSourcing.Projections;
using EventSourcing.Serialization;
using EventSourcing.Sqlite;
using EventSourcing.Sqlite.Projections;
using EventSourcing.Store;
using Microsoft.Data.Sqlite;
using Ordering.Contracts;
using Ordering.Contracts.Orders;
using Ordering.Domain;
using Ordering.ReadModels;
using Ordering.Tests.Support;

namespace Ordering.Tests.ReadModels;

/// <summary>
/// One customer with 50,000 orders, through the real projection runtime on SQLite: the summary document stays small
/// and its totals exact, also when the feed delivers everything again (a checkpoint lost behind the documents' back).
/// </summary>
public sealed class CustomerSummaryAtScaleTests : IAsyncDisposable
{
    private const int Orders = 50_000;
    private const string Customer = "c-1";
    private const int BoundBytes = 256 * 1024; // an eighth of the 2 MB Cosmos accepts for a document
    private static readonly DateTimeOffset At = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _folder = new();
    private readonly EventSerializer _serializer = new(OrderingEventTypes.Create());
    private readonly SqliteEventStore _events;
    private readonly string[] _orderIds = [.. Enumerable.Range(0, Orders).Select(_ => Guid.NewGuid().ToString("N"))];

    public CustomerSummaryAtScaleTests() =>
        _events = SqliteEventStore.Open(new SqliteStoreOptions { DatabasePath = _folder.File("events.db") });

    [Fact]
    public async Task Fifty_thousand_orders_of_one_customer_keep_its_summary_small_and_exact_through_redeliveries()
    {
        // Every order is created, every second one confirmed; then a fifth of the others are cancelled.
        await AppendAll(i => i % 2 == 0
            ? [new OrderCreated(_orderIds[i], Customer, Currency(i), At), new OrderConfirmed(_orderIds[i], Customer, Total(i), Currency(i), At)]
            : [new OrderCreated(_orderIds[i], Customer, Currency(i), At)]);
        await CatchUpAfterRewindingTo(null);
        await CatchUpAfterRewindingTo(0); // every event delivered again

        await AppendAll(i => i % 10 is 1 or 5 ? [new OrderCancelled(_orderIds[i], Customer, "changed my mind", At)] : []);
        await CatchUpAfterRewindingTo(null);
        await CatchUpAfterRewindingTo(Orders); // from halfway through the first orders, again

        var (summary, bytes, deadLetters) = await Read();
        Assert.Equal((Orders, Orders / 5), (summary.OrderCount, summary.CancelledCount));
        Assert.Equal(ExpectedSpent(), summary.Spent.OrderBy(s => s.Key, StringComparer.Ordinal));
        Assert.Equal(0, deadLetters);
        Assert.InRange(bytes, 1, BoundBytes);
    }

    public async ValueTask DisposeAsync()
    {
        await _events.DisposeAsync();
        _folder.Dispose();
    }

    private static string Currency(int i) => i % 3 == 0 ? "USD" : "EUR";

    private static decimal Total(int i) => i % 7 + 1.25m;

    private static IEnumerable<KeyValuePair<string, decimal>> ExpectedSpent() =>
        Enumerable.Range(0, Orders).Where(i => i % 2 == 0)
            .GroupBy(Currency).Select(g => KeyValuePair.Create(g.Key, g.Sum(Total))).OrderBy(s => s.Key, StringComparer.Ordinal);

    private Task AppendAll(Func<int, OrderEvent[]> eventsOf) =>
        Parallel.ForEachAsync(Enumerable.Range(0, Orders), new ParallelOptions { MaxDegreeOfParallelism = 32, CancellationToken = TestContext.Current.CancellationToken },
            async (i, ct) =>
            {
                var events = eventsOf(i);
                if (events.Length == 0) return;
                await _events.AppendAsync(StreamIds.Order(_orderIds[i]), ExpectedVersion.Any,
                    [.. events.Select(e => _serializer.Serialize(e, Guid.NewGuid(), EventMetadata.Empty))], ct);
            });

    /// <summary>Opens the runtime as a process start would, after moving its checkpoint back to <paramref name="position"/> (null: leave it).</summary>
    private async Task CatchUpAfterRewindingTo(long? position)
    {
        if (position is { } rewind) Sql($"UPDATE generations SET checkpoint = {rewind} WHERE projection = '{CustomerSummaryProjection.ProjectionName}'");
        using var store = SqliteProjectionStore.Open(new SqliteProjectionStoreOptions { DatabasePath = _folder.File("readmodels.db") });
        using var runner = new ProjectionRunner(_events, _serializer, [new CustomerSummaryProjection()], store, new ProjectionRunnerOptions { PageSize = 1000 });
        await runner.CatchUpAsync(TestContext.Current.CancellationToken);
    }

    private async Task<(CustomerSummary Summary, long Bytes, long DeadLetters)> Read()
    {
        using var store = SqliteProjectionStore.Open(new SqliteProjectionStoreOptions { DatabasePath = _folder.File("readmodels.db") });
        var summary = await store.GetAsync<CustomerSummary>(CustomerSummaryProjection.ProjectionName, Customer, TestContext.Current.CancellationToken);
        return (summary!, Sql($"SELECT length(json) + length(versions) FROM documents WHERE projection = '{CustomerSummaryProjection.ProjectionName}' AND key = '{Customer}'"),
            Sql("SELECT count(*) FROM dead_letters"));
    }

    private long Sql(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={_folder.File("readmodels.db")};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar() is long value ? value : 0;
    }
}
