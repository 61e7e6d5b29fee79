using System.Diagnostics;
using EventSourcing.Store;

namespace EventSourcing.Benchmarks.Appends;

/// <summary>
/// Concurrent writers appending one small event at a time. Each stream belongs to one writer
/// (stream s to writer s % writers), so every append can carry the exact expected version, as a
/// command handler's would, and still never conflict: the store's version check runs on every append
/// and the figures are not muddied by retries.
/// </summary>
internal sealed class AppendWorkload
{
    // About 100 bytes of JSON, the size of a typical small domain event.
    public static readonly byte[] Payload =
        """{"accountId":"account-000123","amount":125.50,"currency":"EUR","reference":"bench-payment-00001"}"""u8.ToArray();

    private readonly IEventStore _store;
    private readonly int _writers;
    private readonly string[] _streamIds;
    private readonly long[] _versions;

    public AppendWorkload(IEventStore store, int writers, int streams)
    {
        _store = store;
        _writers = writers;
        _streamIds = Enumerable.Range(0, streams).Select(s => $"bench-{s:D4}").ToArray();
        _versions = new long[streams];
    }

    /// <summary>Runs until <paramref name="duration"/> has passed or <paramref name="maxEvents"/> appends were started.</summary>
    public async Task<WorkloadRun> RunAsync(TimeSpan duration, long maxEvents)
    {
        var started = Stopwatch.GetTimestamp();
        var deadline = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var budget = new EventBudget(maxEvents);
        // Task.Run so the writers start in parallel rather than each running to its first await on this thread.
        var perWriter = await Task.WhenAll(Enumerable.Range(0, _writers).Select(w => Task.Run(() => WriteAsync(w, deadline, budget))));
        var elapsed = Stopwatch.GetElapsedTime(started);
        var latencies = perWriter.SelectMany(l => l).ToArray();
        return new WorkloadRun(latencies.Length, elapsed, latencies);
    }

    private async Task<List<long>> WriteAsync(int writer, long deadline, EventBudget budget)
    {
        var latencies = new List<long>(4096);
        var owned = (_streamIds.Length - writer + _writers - 1) / _writers;
        for (var i = 0; Stopwatch.GetTimestamp() < deadline && budget.TryTake(); i++)
        {
            var stream = writer + i % owned * _writers;
            var e = new EventData(Guid.CreateVersion7(), "PaymentReceived", 1, Payload, EventMetadata.Empty);
            var before = Stopwatch.GetTimestamp();
            var result = await _store.AppendAsync(_streamIds[stream], ExpectedVersion.Exact(_versions[stream]), [e]);
            latencies.Add(Stopwatch.GetTimestamp() - before);
            _versions[stream] = result.StreamVersion;
        }
        return latencies;
    }

    private sealed class EventBudget(long max)
    {
        private long _taken;

        public bool TryTake() => Interlocked.Increment(ref _taken) <= max;
    }
}
