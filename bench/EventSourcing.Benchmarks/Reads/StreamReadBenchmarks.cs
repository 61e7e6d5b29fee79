using System.Diagnostics.CodeAnalysis;
using BenchmarkDotNet.Attributes;
using EventSourcing.Deciders;
using EventSourcing.Serialization;
using EventSourcing.Sqlite;
using EventSourcing.Store;

namespace EventSourcing.Benchmarks.Reads;

/// <summary>
/// Reading and rehydrating one long stream: the cost a command pays to load its aggregate, and how much
/// a snapshot near the head saves. No state cache: every load reads from the store. The job (warm-up and iteration
/// counts) is chosen by <see cref="StreamReadRun"/>.
/// </summary>
[SuppressMessage("Design", "CA1001", Justification = "BenchmarkDotNet runs [GlobalCleanup], which disposes the store and the database.")]
[MemoryDiagnoser]
public class StreamReadBenchmarks
{
    private const string StreamId = "ledger-1";
    private const int StreamLength = 10_000;
    // Ten events after the snapshot: the usual case of a snapshot taken a little behind the head.
    private const int SnapshotVersion = 9_990;
    private const int EventsPerAppend = 500;

    private TempDatabase _database = null!;
    private SqliteEventStore _store = null!;
    private AggregateStore _aggregates = null!;

    // Setup and cleanup block rather than return a Task: BenchmarkDotNet's in-process toolchain (the quick mode's) starts
    // the benchmarks without awaiting an async [GlobalSetup] (dotnet/BenchmarkDotNet#1738), so they met no stream.
    [GlobalSetup]
    public void BuildDatabase() => BuildDatabaseAsync().GetAwaiter().GetResult();

    [GlobalCleanup]
    public void DeleteDatabase() => DeleteDatabaseAsync().AsTask().GetAwaiter().GetResult();

    private async Task BuildDatabaseAsync()
    {
        _database = new TempDatabase("reads");
        // Fast commits only speed up building the file; reads do not depend on the commit mode.
        _store = SqliteEventStore.Open(new SqliteStoreOptions { DatabasePath = _database.Path, DurableCommits = false });
        _aggregates = new AggregateStore(_store, new EventSerializer(Ledger.Types()), _store.Snapshots);

        await AppendDepositsAsync(from: 1, to: SnapshotVersion);
        var atSnapshot = await _aggregates.LoadAsync<LedgerEvent, Balance>(StreamId, Ledger.Decider.Initial, Ledger.Decider.Evolve);
        await _aggregates.SaveSnapshotAsync(StreamId, atSnapshot.State, atSnapshot.Version, Ledger.Snapshots);
        await AppendDepositsAsync(from: SnapshotVersion + 1, to: StreamLength);

        // A snapshot must only shorten the read, never change the answer; a wrong setup would make the comparison meaningless.
        var full = await LoadAsync(useSnapshot: false);
        var fromSnapshot = await LoadAsync(useSnapshot: true);
        if (full != fromSnapshot || full.Version != StreamLength)
            throw new InvalidOperationException($"Setup is wrong: full load {full}, from snapshot {fromSnapshot}.");
    }

    private async ValueTask DeleteDatabaseAsync()
    {
        await _store.DisposeAsync();
        _database.Dispose();
    }

    [Benchmark(Description = "ReadStreamAsync, 10,000 events")]
    public async Task<int> ReadStream() => (await _store.ReadStreamAsync(StreamId, StreamReadOptions.All)).Count;

    [Benchmark(Baseline = true, Description = "LoadAsync, fold all 10,000 events")]
    public async Task<long> LoadWithoutSnapshot() => (await LoadAsync(useSnapshot: false)).State.Total;

    [Benchmark(Description = "LoadAsync, snapshot at 9,990 + 10 events")]
    public async Task<long> LoadFromSnapshot() => (await LoadAsync(useSnapshot: true)).State.Total;

    private Task<LoadedState<Balance>> LoadAsync(bool useSnapshot) =>
        _aggregates.LoadAsync<LedgerEvent, Balance>(
            StreamId, Ledger.Decider.Initial, Ledger.Decider.Evolve, useSnapshot ? Ledger.Snapshots : null);

    private async Task AppendDepositsAsync(int from, int to)
    {
        for (var first = from; first <= to; first += EventsPerAppend)
        {
            var last = Math.Min(first + EventsPerAppend - 1, to);
            var events = Enumerable.Range(first, last - first + 1)
                .SelectMany(n => Ledger.Decider.Decide(new Deposit(n % 1_000 + 1, $"deposit-{n:D6}"), Ledger.Decider.Initial))
                .ToList();
            var ids = events.Select(_ => Guid.CreateVersion7()).ToList();
            await _aggregates.AppendAsync(StreamId, ExpectedVersion.Exact(first - 1), events, ids, EventMetadata.Empty);
        }
    }
}
