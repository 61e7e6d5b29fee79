using EventSourcing.Sqlite;
using EventSourcing.Store;

// Usage: EventSourcing.CrashWriter <database path>
// Eight concurrent writers append small events to 100 streams until the process is killed. A line
// "ack <event id>" is written (and flushed) only after the store acknowledged that event.
await using var store = SqliteEventStore.Open(new SqliteStoreOptions { DatabasePath = args[0] });
var output = Console.Out;
var gate = new object();
Console.WriteLine("ready");

await Task.WhenAll(Enumerable.Range(0, 8).Select(writer => Task.Run(async () =>
{
    for (var i = 0; ; i++)
    {
        var e = new EventData(Guid.NewGuid(), "Tick", 1, "{}"u8.ToArray(), EventMetadata.Empty);
        await store.AppendAsync($"crash-{(writer * 7919 + i) % 100}", ExpectedVersion.Any, [e]);
        lock (gate)
        {
            output.WriteLine($"ack {e.EventId}");
            output.Flush();
        }
    }
})));
