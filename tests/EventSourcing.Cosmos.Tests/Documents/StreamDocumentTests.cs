using System.Text;
using System.Text.Json;
using EventSourcing.Cosmos.Documents;
using EventSourcing.Snapshots;

namespace EventSourcing.Cosmos.Tests.Documents;

public sealed class StreamDocumentTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 22, 8, 30, 0, TimeSpan.Zero);

    [Fact]
    public void The_tip_holds_the_stream_version_under_the_fixed_id_tip()
    {
        var json = JsonSerializer.Serialize(DocumentMapper.ToTip("order-1", 5, At.AddTicks(1)), CosmosJson.Options);

        Assert.Equal("""{"id":"tip","streamId":"order-1","kind":"tip","version":5,"timestamp":"2026-11-22T08:30:00.0000001Z"}""", json);
    }

    [Fact]
    public void A_snapshot_round_trips_beside_the_tip()
    {
        var snapshot = new Snapshot("order-1", 9, "OrderState", 2, Encoding.UTF8.GetBytes("""{"lines":[1,2]}"""), At);

        var json = JsonSerializer.Serialize(DocumentMapper.ToDocument(snapshot), CosmosJson.Options);
        var back = DocumentMapper.ToSnapshot(JsonSerializer.Deserialize<SnapshotDocument>(json, CosmosJson.Options)!);

        Assert.Contains("\"id\":\"snapshot\"", json, StringComparison.Ordinal);
        Assert.Equal((snapshot.StreamId, snapshot.Version, snapshot.StateType, snapshot.SchemaVersion, snapshot.Timestamp),
            (back.StreamId, back.Version, back.StateType, back.SchemaVersion, back.Timestamp));
        Assert.Equal(snapshot.Data.ToArray(), back.Data.ToArray());
    }

    [Fact]
    public void Timestamps_are_exact_to_the_tick_and_sort_as_text_in_time_order()
    {
        // Queries compare commit timestamps as strings ("as of" reads), so text order must be time order.
        DateTimeOffset[] instants = [At.AddTicks(9), new(2026, 11, 22, 9, 0, 0, TimeSpan.FromHours(5)), At, At.AddYears(-30)];

        var texts = instants.Select(UtcTimestampConverter.ToText).ToList();

        Assert.Equal(instants.OrderBy(i => i).Select(UtcTimestampConverter.ToText), texts.Order(StringComparer.Ordinal));
        Assert.Equal(instants, texts.Select(UtcTimestampConverter.FromText));
        Assert.Equal("2026-11-22T04:00:00.0000000Z", texts[1]);
    }

    [Fact]
    public void Commit_ids_are_the_first_event_s_id_so_a_batch_repeating_a_stored_first_event_clashes_whatever_its_version()
    {
        var first = EventSourcing.Tests.Support.TestEvents.New();

        var atTwelve = DocumentMapper.ToCommit("s", 12, At, [first, EventSourcing.Tests.Support.TestEvents.New()]);
        var atFifteen = DocumentMapper.ToCommit("s", 15, At, [first]);

        Assert.Equal(first.EventId.ToString(), atTwelve.Id);
        Assert.Equal(atTwelve.Id, atFifteen.Id);
    }
}
