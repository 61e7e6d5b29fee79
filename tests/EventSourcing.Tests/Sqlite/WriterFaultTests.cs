using EventSourcing.Sqlite;
using EventSourcing.Store;
using EventSourcing.Tests.Support;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace EventSourcing.Tests.Sqlite;

/// <summary>The group-commit writer when its connection or SQLite fails under it: every caller gets its true answer.</summary>
public sealed class WriterFaultTests
{
    // Not a speed bound: an append that has not answered by then never will (the writer's loop is gone).
    private static readonly TimeSpan Hung = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task When_the_writers_connection_breaks_the_append_in_flight_fails_as_not_committed_and_the_next_one_commits()
    {
        using var folder = new TempDirectory();
        var options = new SqliteStoreOptions { DatabasePath = folder.File("events.db") };
        var cancellation = TestContext.Current.CancellationToken;
        SqliteConnection? writerConnection = null;
        var first = TestEvents.New();
        var lostInFlight = TestEvents.New();
        var afterwards = TestEvents.New();
        await using (var store = SqliteEventStore.Open(options, connection => writerConnection = connection))
        {
            await store.AppendAsync("broken-1", ExpectedVersion.NoStream, [first], cancellationToken: cancellation);

            // The fault, for real: the writer's SQLite connection is closed under it, so every statement on it fails,
            // the ROLLBACK of its fault handling included (the path that used to end the writer's loop).
            writerConnection!.Close();

            var failed = await Assert.ThrowsAsync<StoreUnavailableException>(() =>
                store.AppendAsync("broken-1", ExpectedVersion.Exact(1), [lostInFlight], cancellation).WaitAsync(Hung, cancellation));
            var next = await store.AppendAsync("broken-1", ExpectedVersion.Exact(1), [afterwards], cancellation).WaitAsync(Hung, cancellation);

            Assert.Contains("broken-1", failed.Message, StringComparison.Ordinal);
            Assert.Equal(2, next.StreamVersion);
            Assert.Null(await store.CheckWritesAsync(cancellation));
        }

        await using var reopened = SqliteEventStore.Open(options);
        var stored = await reopened.ReadStreamAsync("broken-1", StreamReadOptions.All, cancellation);
        Assert.Equal([first.EventId, afterwards.EventId], stored.Select(e => e.EventId));
    }

    [Fact]
    public async Task When_SQLite_rolls_back_group_commits_mid_way_each_append_gets_its_own_outcome_and_versions_stay_true()
    {
        using var folder = new TempDirectory();
        // Without fsync, so a commit is quick and the interrupts mostly land inside the group's statements.
        var options = new SqliteStoreOptions { DatabasePath = folder.File("events.db"), DurableCommits = false };
        var cancellation = TestContext.Current.CancellationToken;
        var ledger = new AppendLedger();
        SqliteConnection? writerConnection = null;
        var interrupting = true;

        await using (var store = SqliteEventStore.Open(options, connection => Volatile.Write(ref writerConnection, connection)))
        {
            // The fault: sqlite3_interrupt on the writer's connection, from another thread, again and again. SQLite
            // answers an interrupted write by rolling back the whole transaction (as it does on an I/O error), so
            // group commits fail part way, with some appends of the group already run: a real mid-transaction
            // rollback by SQLite itself, not a mock. It is the one such fault a test can cause on demand.
            var interrupter = Task.Run(() =>
            {
                while (Volatile.Read(ref interrupting))
                {
                    if (Volatile.Read(ref writerConnection)?.Handle is { } handle)
                    {
                        try { raw.sqlite3_interrupt(handle); }
                        catch (ObjectDisposedException) { /* the writer replaced that connection meanwhile */ }
                    }
                    Thread.SpinWait(Random.Shared.Next(50, 5_000));
                }
            }, cancellation);

            // Given 16 writers that append as commands do, until many appends have failed and many have committed
            bool KeepGoing() => ledger.Failed < 200 || ledger.Acknowledged < 2_000;
            await Task.WhenAll(Enumerable.Range(0, 16).Select(w =>
                Task.Run(() => ledger.RunWriterAsync(store, $"interrupted-{w}", 64, KeepGoing, cancellation), cancellation)));
            Volatile.Write(ref interrupting, false);
            await interrupter;

            // Then the store tells each of them the stream's true version, and writes at it
            for (var w = 0; w < 16; w++)
            {
                var known = await store.GetStreamVersionAsync($"interrupted-{w}", cancellation);
                Assert.NotNull(await ledger.AppendOnceAsync(store, $"interrupted-{w}", known, [1], cancellation));
            }
        }

        // And the reopened database holds every acknowledged event and none reported as not committed
        await using var reopened = SqliteEventStore.Open(options);
        TestContext.Current.TestOutputHelper?.WriteLine(ledger.ToString());
        ledger.AssertAgreesWith(await reopened.ReadAllAsync(0, int.MaxValue, cancellation));
    }
}
