using Microsoft.Extensions.DependencyInjection;
using Ordering.Application;
using static Ordering.Benchmarks.Http.AddItemLoad;
using static Ordering.Benchmarks.Report;

namespace Ordering.Benchmarks.Http;

/// <summary>
/// Where a command's time goes, by taking pieces away (no profiler on the build machines): the same load without the
/// host's feed followers, then without HTTP and the API pipeline too. Each on a fresh backend and fresh orders.
/// </summary>
internal static class CommandPieces
{
    public static async Task PrintAsync(HttpClient client, CommandLoad load, TimeShares shares, LoadRun full)
    {
        Print($"Where the time goes (same load, fresh backend each):");
        LoadRun noFollowers;
        await using (var backend = await InProcessBackend.StartAsync(InProcessBackend.WithoutFeedFollowers))
        {
            var orderIds = await CreateOrdersAsync(client, backend.BaseAddress, load.Orders);
            noFollowers = await CommandThroughput.MeasureAsync("  HTTP, no projections or saga trigger following", load, shares,
                phase => OverHttp(client, backend.BaseAddress, orderIds, phase));
        }

        LoadRun inProcess;
        await using (var backend = await InProcessBackend.StartAsync(InProcessBackend.WithoutFeedFollowers))
        {
            var orderIds = await CreateOrdersAsync(client, backend.BaseAddress, load.Orders);
            var commands = backend.Services.GetRequiredService<OrderingCommands>();
            inProcess = await CommandThroughput.MeasureAsync("  OrderingCommands.AddItemAsync in process, no HTTP, no followers", load, shares,
                phase => InProcess(commands, orderIds, phase));
        }

        Print($"  Rates: full {full.PerSecond:N0}/s, without followers {noFollowers.PerSecond:N0}/s, without HTTP too {inProcess.PerSecond:N0}/s.");
    }
}
