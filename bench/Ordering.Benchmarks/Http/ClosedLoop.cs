using System.Diagnostics;

namespace Ordering.Benchmarks.Http;

/// <summary>What one timed run of concurrent clients achieved.</summary>
internal sealed record LoadRun(long Succeeded, long Failed, TimeSpan Elapsed, Latencies Latencies, string? FirstFailure)
{
    public double PerSecond => Succeeded / Elapsed.TotalSeconds;
}

/// <summary>
/// Clients that each send a request, wait for the answer and send the next (a closed loop), until the time is up.
/// Latency is from send to the whole answer read, so it includes queueing in the server under that concurrency.
/// </summary>
internal static class ClosedLoop
{
    /// <param name="send">Sends request <c>i</c> of client <c>c</c>; returns null on success, otherwise what went wrong.</param>
    public static async Task<LoadRun> RunAsync(int clients, TimeSpan duration, Func<int, int, Task<string?>> send)
    {
        var started = Stopwatch.GetTimestamp();
        var deadline = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        // Task.Run so the clients start in parallel rather than each running to its first await on this thread.
        var perClient = await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(() => ClientAsync(c, deadline, send))));
        var elapsed = Stopwatch.GetElapsedTime(started);
        return new LoadRun(
            perClient.Sum(r => (long)r.Latencies.Count), perClient.Sum(r => r.Failed), elapsed,
            new Latencies(perClient.SelectMany(r => r.Latencies)), perClient.Select(r => r.FirstFailure).FirstOrDefault(f => f is not null));
    }

    private static async Task<(List<long> Latencies, long Failed, string? FirstFailure)> ClientAsync(
        int client, long deadline, Func<int, int, Task<string?>> send)
    {
        var latencies = new List<long>(8192);
        var failed = 0L;
        string? firstFailure = null;
        for (var i = 0; Stopwatch.GetTimestamp() < deadline; i++)
        {
            var before = Stopwatch.GetTimestamp();
            var failure = await send(client, i);
            if (failure is null) latencies.Add(Stopwatch.GetTimestamp() - before);
            else (failed, firstFailure) = (failed + 1, firstFailure ?? failure);
        }
        return (latencies, failed, firstFailure);
    }
}
