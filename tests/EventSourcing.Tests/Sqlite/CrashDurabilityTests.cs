using System.Diagnostics;
using EventSourcing.Sqlite;
using EventSourcing.Tests.Support;

namespace EventSourcing.Tests.Sqlite;

public sealed class CrashDurabilityTests
{
    [Fact]
    public async Task Every_acknowledged_event_survives_a_SIGKILL_mid_run()
    {
        using var folder = new TempDirectory();
        var database = folder.File("events.db");
        var cancellation = TestContext.Current.CancellationToken;
        var writer = Path.Combine(AppContext.BaseDirectory, "EventSourcing.CrashWriter.dll");
        using var child = Process.Start(new ProcessStartInfo("dotnet", [writer, database])
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        })!;

        // Given a writer that has acknowledged a good number of appends and is still going
        var acknowledged = new List<Guid>();
        using (var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellation))
        {
            // A bound on a stuck writer only; with every core busy, starting it and 3000 fsynced appends take a while.
            deadline.CancelAfter(TimeSpan.FromSeconds(120));
            while (acknowledged.Count < 3000 && await child.StandardOutput.ReadLineAsync(deadline.Token) is { } line)
                if (line.StartsWith("ack ", StringComparison.Ordinal)) acknowledged.Add(Guid.Parse(line[4..]));
        }

        // When it is killed without warning
        child.Kill(entireProcessTree: true);
        // Lines already written before the kill are acknowledgements too.
        while (await child.StandardOutput.ReadLineAsync(cancellation) is { } line)
            if (line.StartsWith("ack ", StringComparison.Ordinal)) acknowledged.Add(Guid.Parse(line[4..]));
        await child.WaitForExitAsync(cancellation);

        // Then the reopened store holds every acknowledged event, in gap-free streams
        Assert.True(acknowledged.Count >= 3000, $"the writer acknowledged only {acknowledged.Count} events");
        await using var store = SqliteEventStore.Open(new SqliteStoreOptions { DatabasePath = database });
        var stored = await store.ReadAllAsync(0, int.MaxValue, cancellation);
        var storedIds = stored.Select(e => e.EventId).ToHashSet();
        var lost = acknowledged.Where(id => !storedIds.Contains(id)).ToList();
        Assert.True(lost.Count == 0, $"{lost.Count} acknowledged events were lost, e.g. {lost.FirstOrDefault()}");
        foreach (var stream in stored.GroupBy(e => e.StreamId))
            Assert.Equal(Enumerable.Range(1, stream.Count()).Select(v => (long)v), stream.Select(e => e.StreamVersion));
    }
}
