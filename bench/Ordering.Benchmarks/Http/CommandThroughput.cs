using EventSourcing.Store;
using Microsoft.Extensions.DependencyInjection;
using Ordering.Domain;
using static Ordering.Benchmarks.Http.AddItemLoad;
using static Ordering.Benchmarks.Report;

namespace Ordering.Benchmarks.Http;

/// <summary>
/// AddItem commands over real HTTP against the whole backend (pipeline, decider, durable append, projections following
/// in the background), against bare Kestrel with the same load in the same run. Hand-written rather than
/// BenchmarkDotNet because the figure that matters comes from many concurrent clients sharing the store's commits.
/// </summary>
internal static class CommandThroughput
{
    public static async Task RunAsync(CommandLoad load)
    {
        Print($"POST /api/orders/{{orderId}}/items over loopback HTTP/1.1, {Clients} clients, {load.Orders:N0} orders, a new SKU per request, {load.Duration.TotalSeconds:F0} s each; {Environment.ProcessorCount} cores{(load.IsQuick ? "; QUICK run" : "")}.");
        using var client = BenchHttp.CreateClient(Clients * 2);
        using var shares = new TimeShares();

        LoadRun backendRun;
        await using (var backend = await InProcessBackend.StartAsync())
        {
            var orderIds = await CreateOrdersAsync(client, backend.BaseAddress, load.Orders);
            backendRun = await MeasureAsync("ordering backend", load, shares, phase => OverHttp(client, backend.BaseAddress, orderIds, phase));
            await PrintStreamLengthAsync(backend, orderIds);
        }

        LoadRun bareRun;
        await using (var bare = await BareKestrel.StartAsync())
        {
            var orderIds = Enumerable.Range(0, load.Orders).Select(o => $"bare-{o:D4}").ToArray();
            bareRun = await MeasureAsync("bare Kestrel", load, shares, phase => OverHttp(client, bare.BaseAddress, orderIds, phase));
        }

        var p99 = backendRun.Latencies.Percentile(0.99);
        Print($"Backend / bare Kestrel: {backendRun.PerSecond / bareRun.PerSecond:P1} of the bare rate ({bareRun.PerSecond / backendRun.PerSecond:F1}x slower)");
        if (load.IsQuick) Print($"Backend >= 5,000 commands/s with p99 < 50 ms: quick run, target not judged");
        else Print($"Backend >= 5,000 commands/s: {Verdict(backendRun.PerSecond >= 5_000)}; p99 < 50 ms: {Verdict(p99 < TimeSpan.FromMilliseconds(50))}");
        await CommandPieces.PrintAsync(client, load, shares, backendRun);
    }

    /// <summary>
    /// Orders keep no snapshots, but the host's state cache holds every order of the run, so after its first command an
    /// order's next command reads only the events after the cached version (on SQLite usually none, answered without a
    /// query: the writer knows each stream's version). Length still costs: each command adds a line, and the order's
    /// state and its read-model documents (order details) grow with its lines.
    /// </summary>
    private static async Task PrintStreamLengthAsync(InProcessBackend backend, string[] orderIds)
    {
        var store = backend.Services.GetRequiredService<IEventStore>();
        var versions = await Task.WhenAll(orderIds.Select(id => store.GetStreamVersionAsync(StreamIds.Order(id))));
        Print($"  order streams at the end: mean {versions.Average():F0} events, longest {versions.Max():N0}");
    }

    /// <param name="load">The load for a phase; each phase uses its own SKUs so every command adds a line.</param>
    public static async Task<LoadRun> MeasureAsync(string target, CommandLoad shape, TimeShares shares, Func<string, Func<int, int, Task<string?>>> load)
    {
        // Untimed warm-up: JIT, connection setup, thread pool growth and the first pages of the files are not what we measure.
        await ClosedLoop.RunAsync(Clients, shape.Warmup, load("w"));
        shares.Reset();
        var run = await ClosedLoop.RunAsync(Clients, shape.Duration, load("t"));
        Print($"{target}: {run.Succeeded:N0} commands in {run.Elapsed.TotalSeconds:F2} s = {run.PerSecond:N0} commands/s, {run.Latencies.Summary()}, {run.Failed:N0} failed{(run.FirstFailure is null ? "" : $" (first: {run.FirstFailure})")}");
        Print($"  {shares.Summary(run.Succeeded)}");
        return run;
    }
}
