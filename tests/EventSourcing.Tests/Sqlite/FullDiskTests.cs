using EventSourcing.Sqlite;

namespace EventSourcing.Tests.Sqlite;

/// <summary>The event store on a filesystem that really fills up (a small tmpfs) under concurrent writers.</summary>
public sealed class FullDiskTests
{
    private const int Writers = 16;

    [Fact]
    public async Task A_disk_filling_up_under_16_writers_loses_nothing_acknowledged_keeps_nothing_failed_and_writes_again_once_freed()
    {
        using var disk = SmallFilesystem.MountOrSkip(32 * 1024 * 1024);
        var options = new SqliteStoreOptions { DatabasePath = disk.File("events.db") };
        var cancellation = TestContext.Current.CancellationToken;
        var ledger = new AppendLedger();

        await using (var store = SqliteEventStore.Open(options))
        {
            // Given 16 writers appending 6 KB events, each to a stream of its own
            var stop = false;
            var failuresWhenFull = -1;
            var writers = Enumerable.Range(0, Writers)
                .Select(w => Task.Run(() => ledger.RunWriterAsync(store, $"disk-{w}", 6 * 1024, () => !Volatile.Read(ref stop), cancellation), cancellation))
                .ToList();
            await Until(() => ledger.Acknowledged >= 500, "the writers to commit 500 appends", cancellation);

            // When the disk fills up while they append
            disk.Fill();
            await Until(() => ledger.Failed >= 100, "100 appends to fail on the full disk", cancellation);
            failuresWhenFull = ledger.Failed;
            Assert.NotNull(await store.CheckWritesAsync(cancellation));
            Volatile.Write(ref stop, true);
            await Task.WhenAll(writers);

            // Then once space is freed the store writes again, at the versions it tells each writer
            disk.Free();
            Assert.Null(await store.CheckWritesAsync(cancellation));
            for (var w = 0; w < Writers; w++)
            {
                var known = await store.GetStreamVersionAsync($"disk-{w}", cancellation);
                Assert.NotNull(await ledger.AppendOnceAsync(store, $"disk-{w}", known, new byte[6 * 1024], cancellation));
            }
            Assert.True(ledger.NotCommitted > 0, $"no append was reported as not committed ({failuresWhenFull} failures)");
        }

        // And the reopened database holds every acknowledged event and none of those reported as not committed
        await using var reopened = SqliteEventStore.Open(options);
        TestContext.Current.TestOutputHelper?.WriteLine(ledger.ToString());
        ledger.AssertAgreesWith(await reopened.ReadAllAsync(0, int.MaxValue, cancellation));
    }

    // Waits for writers to get somewhere; the bound only turns a store that stopped answering into a failure.
    private static async Task Until(Func<bool> condition, string what, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(TimeSpan.FromMinutes(3));
        while (!condition())
        {
            Assert.False(deadline.IsCancellationRequested, $"gave up waiting for {what}");
            await Task.Delay(20, cancellationToken);
        }
    }
}
