using System.Diagnostics;
using EventSourcing.Projections;
using EventSourcing.Serialization;
using EventSourcing.Sqlite;
using EventSourcing.Sqlite.Projections;
using EventSourcing.Store;
using Ordering.Contracts;
using Ordering.ReadModels;
using static Ordering.Benchmarks.Report;

namespace Ordering.Benchmarks.CatchUp;

/// <summary>
/// A fresh read-model database catching up on a full event store from position zero, as after a rebuild or a new
/// deployment: how long until the read models answer again. The runner is built as the local host builds it.
/// </summary>
internal static class CatchUpThroughput
{
    private const int FullOrders = 20_000;
    // A smoke run: it proves the catch-up runs and checks out; its rate is not comparable to the target.
    private const int QuickOrders = 2_000;
    private const int Writers = 64;

    public static async Task RunAsync(bool quick)
    {
        var orders = quick ? QuickOrders : FullOrders;
        using var folder = new TempDirectory();
        var serializer = new EventSerializer(OrderingEventTypes.Create());
        Print($"Projection catch-up from position zero: {orders:N0} orders x {OrderHistory.EventsPerOrder} events into {OrderingReadModels.All.Count} read models ({string.Join(", ", OrderingReadModels.All.Select(p => p.Name))}); {Environment.ProcessorCount} cores{(quick ? "; QUICK run" : "")}.");

        // The fill is not measured, so it skips the fsync per commit; what the runner reads is the same.
        await using var events = SqliteEventStore.Open(new SqliteStoreOptions { DatabasePath = Path.Combine(folder.Path, "events.db"), DurableCommits = false });
        var filling = Stopwatch.StartNew();
        await FillAsync(events, new OrderHistory(serializer), orders);
        var head = await events.GetHeadPositionAsync();
        Print($"Filled {head:N0} events in {filling.Elapsed.TotalSeconds:F1} s (untimed).");

        using var readModels = SqliteProjectionStore.Open(new SqliteProjectionStoreOptions { DatabasePath = Path.Combine(folder.Path, "readmodels.db") });
        using var runner = new ProjectionRunner(events, serializer, OrderingReadModels.All, readModels);
        var started = Stopwatch.GetTimestamp();
        await runner.CatchUpAsync();
        var elapsed = Stopwatch.GetElapsedTime(started);

        var rate = head / elapsed.TotalSeconds;
        Print($"Catch-up: {head:N0} events in {elapsed.TotalSeconds:F2} s = {rate:N0} events/s ({rate * OrderingReadModels.All.Count:N0} applications/s over {OrderingReadModels.All.Count} read models)");
        await CheckAsync(runner, readModels, head, orders);
        await CatchUpPieces.PrintAsync(events, serializer, head, elapsed);
        Print($"Catch-up >= 20,000 events/s: {(quick ? "quick run, target not judged" : Verdict(rate >= 20_000))}");
    }

    /// <summary>Untimed: every order's appends, by concurrent writers so the store's group commit batches them.</summary>
    private static async Task FillAsync(SqliteEventStore store, OrderHistory history, int orders)
    {
        foreach (var (streamId, stock) in history.Stock()) await store.AppendAsync(streamId, ExpectedVersion.NoStream, stock);
        await Parallel.ForAsync(0, orders, new ParallelOptions { MaxDegreeOfParallelism = Writers }, async (o, ct) =>
        {
            // Inventory streams are shared by many orders, so their appends take whatever version is next.
            foreach (var (streamId, batch) in history.Appends(o)) await store.AppendAsync(streamId, ExpectedVersion.Any, batch, ct);
        });
    }

    /// <summary>Figures from a runner that skipped or parked events would mean nothing.</summary>
    private static async Task CheckAsync(ProjectionRunner runner, SqliteProjectionStore readModels, long head, int orders)
    {
        var statuses = await runner.GetStatusAsync();
        if (statuses.Any(s => s.Checkpoint != head || s.DeadLetters != 0))
            throw new InvalidOperationException($"Catch-up left projections behind or parked events: {string.Join("; ", statuses)}");
        var last = await readModels.GetAsync<OrderDetails>(OrderDetailsProjection.ProjectionName, OrderHistory.OrderId(orders - 2));
        if (last is not { Status: OrderStatusNames.Confirmed, Items.Count: 2 })
            throw new InvalidOperationException($"Order {OrderHistory.OrderId(orders - 2)} reads {last}, not confirmed with two lines.");
        Print($"Checked: every read model at position {head:N0}, no dead letters, {OrderHistory.OrderId(orders - 2)} confirmed with 2 lines.");
    }
}
