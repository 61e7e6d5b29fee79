using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Ordering.Benchmarks.Http;
using static Ordering.Benchmarks.Report;

namespace Ordering.Benchmarks.Sagas;

/// <summary>
/// Checkout sagas completed per second end to end on the local host: HTTP, the feed trigger, the embedded saga
/// runner and its activities (reserve, request payment, confirm, commit), each a durable append. No target is set;
/// this is the figure to watch as the saga runtime changes.
/// </summary>
internal static class SagaThroughput
{
    private const int Flows = 64;
    // Quick: a smoke run that proves the flows complete; its rate and latencies are not comparable.
    private const int FullOrders = 2_000, QuickOrders = 200;
    private const int FullWarmupOrders = 128, QuickWarmupOrders = 64;
    private static readonly string[] Skus = ["bench-a", "bench-b", "bench-c", "bench-d"];

    public static async Task RunAsync(bool quick)
    {
        var (orderCount, warmupCount) = quick ? (QuickOrders, QuickWarmupOrders) : (FullOrders, FullWarmupOrders);
        Print($"Checkout sagas end to end: {orderCount:N0} one-line orders over {Skus.Length} SKUs, {Flows} concurrent flows (checkout, confirm payment, poll every 20 ms); {Environment.ProcessorCount} cores{(quick ? "; QUICK run" : "")}.");
        using var client = BenchHttp.CreateClient(Flows * 2);
        // Nothing may time out while the runner is busy: the figure is of sagas that were paid.
        await using var backend = await InProcessBackend.StartAsync(TimedSagaClient.Install, "--Checkout:PaymentTimeout", "00:05:00");
        var sagaClient = backend.Services.GetRequiredService<TimedSagaClient>();

        foreach (var sku in Skus)
            await client.PostExpectingAsync(new Uri(backend.BaseAddress, $"/api/inventory/{sku}/restock"), """{"quantity":1000000}""", HttpStatusCode.OK);
        var warmup = await CreateOrdersAsync(client, backend.BaseAddress, warmupCount);
        var orders = await CreateOrdersAsync(client, backend.BaseAddress, orderCount);
        var flow = new CheckoutFlow(client, backend.BaseAddress);

        // Untimed warm-up: JIT, connections and the saga runner's first rounds are not what we measure.
        await RunFlowsAsync(flow, warmup);
        sagaClient.Reset();
        var started = Stopwatch.GetTimestamp();
        var results = await RunFlowsAsync(flow, orders);
        var elapsed = Stopwatch.GetElapsedTime(started);

        var completed = results.Count(r => r.Status == "Completed");
        var others = string.Join(", ", results.Where(r => r.Status != "Completed").GroupBy(r => r.Status).Select(g => $"{g.Key} {g.Count():N0}"));
        Print($"Sagas: {results.Length:N0} in {elapsed.TotalSeconds:F2} s = {results.Length / elapsed.TotalSeconds:N1} sagas/s; Completed {completed:N0}, other {(others.Length == 0 ? "0" : others)}");
        Print($"Checkout to completed: {new Latencies(results.Where(r => r.Status == "Completed").Select(r => r.Ended)).Summary()}");
        Print($"  of which checkout to saga started (feed trigger): {new Latencies(results.Select(r => r.Started)).Summary()}");
        PrintTrigger(sagaClient, elapsed);
        Print($"No target set; reported only.");
    }

    /// <summary>The trigger makes these calls one event at a time, so their total against the run's length says how busy it was.</summary>
    private static void PrintTrigger(TimedSagaClient client, TimeSpan elapsed)
    {
        var (starts, startTime) = client.Starts;
        var (raises, raiseTime) = client.Raises;
        Print($"  feed trigger: {starts:N0} saga starts, mean {startTime.TotalMilliseconds / Math.Max(1, starts):F2} ms; {raises:N0} payments raised, mean {raiseTime.TotalMilliseconds / Math.Max(1, raises):F2} ms; busy {(startTime + raiseTime) / elapsed:P0} of the run");
    }

    /// <summary>Untimed: one line of quantity 1 at 10, spread over the SKUs, created 64 at a time.</summary>
    private static async Task<string[]> CreateOrdersAsync(HttpClient client, Uri baseAddress, int count)
    {
        var orders = new Uri(baseAddress, "/api/orders");
        var orderIds = new string[count];
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = Flows }, async (o, _) =>
        {
            var body = $$"""{"customerId":"bench-{{o % 100:D3}}","currency":"EUR","items":[{"sku":"{{Skus[o % Skus.Length]}}","quantity":1,"unitPrice":10}]}""";
            orderIds[o] = (await client.PostExpectingAsync(orders, body, HttpStatusCode.Created))["orderId"]!.GetValue<string>();
        });
        return orderIds;
    }

    /// <summary>64 flows taking the next order as each finishes, so 64 checkouts are always in flight.</summary>
    private static async Task<FlowResult[]> RunFlowsAsync(CheckoutFlow flow, string[] orderIds)
    {
        var results = new FlowResult[orderIds.Length];
        await Parallel.ForAsync(0, orderIds.Length, new ParallelOptions { MaxDegreeOfParallelism = Flows },
            async (o, _) => results[o] = await flow.RunAsync(orderIds[o]));
        return results;
    }
}
