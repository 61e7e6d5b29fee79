using System.Text;
using System.Text.Json;
using EventSourcing.Cosmos.Documents;
using EventSourcing.Store;

namespace EventSourcing.Cosmos.Tests.Documents;

/// <summary>The commit document is what the change feed and the Functions trigger see: its JSON is pinned here so a change shows in review.</summary>
public sealed class CommitDocumentTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 22, 10, 30, 0, TimeSpan.FromHours(2));
    private static readonly Guid First = Guid.Parse("00000000-0000-0000-0000-000000000001");
    private static readonly Guid Second = Guid.Parse("00000000-0000-0000-0000-000000000002");

    [Fact]
    public void An_append_is_one_commit_document_with_every_event_in_order()
    {
        var commit = DocumentMapper.ToCommit("order-1", 3, At,
        [
            new(First, "OrderCreated", 1, Encoding.UTF8.GetBytes("""{"orderId":"1","total":1.10}"""), new EventMetadata("corr", "cause")),
            new(Second, "ItemAdded", 2, Encoding.UTF8.GetBytes("""{"sku":"é"}"""), new EventMetadata(Headers: new Dictionary<string, string> { ["tenant"] = "t1" })),
        ]);

        var json = JsonSerializer.Serialize(commit, CosmosJson.Options);

        Assert.Equal(
            """{"id":"00000000-0000-0000-0000-000000000001","streamId":"order-1","kind":"commit","first":3,"last":4,"timestamp":"2026-11-22T08:30:00.0000000Z","events":[""" +
            """{"id":"00000000-0000-0000-0000-000000000001","version":3,"type":"OrderCreated","schemaVersion":1,"data":"{\"orderId\":\"1\",\"total\":1.10}","correlationId":"corr","causationId":"cause"},""" +
            """{"id":"00000000-0000-0000-0000-000000000002","version":4,"type":"ItemAdded","schemaVersion":2,"data":"{\"sku\":\"é\"}","headers":{"tenant":"t1"}}]}""",
            json);
    }

    [Fact]
    public void A_stored_commit_reads_back_as_the_same_envelopes_with_the_data_byte_for_byte()
    {
        // Numbers Cosmos would turn into doubles, and key order, survive because the data is kept as text.
        const string data = """{"big":12345678901234567890,"price":1.10,"b":1,"a":2}""";
        var metadata = new EventMetadata("corr", "cause", new Dictionary<string, string> { ["h"] = "v" });
        var json = JsonSerializer.Serialize(
            DocumentMapper.ToCommit("s-1", 7, At, [new(First, "Happened", 3, Encoding.UTF8.GetBytes(data), metadata)]), CosmosJson.Options);

        var recorded = Assert.Single(DocumentMapper.ToRecorded(JsonSerializer.Deserialize<CommitDocument>(json, CosmosJson.Options)!));

        Assert.Equal((First, "s-1", 7L, (long?)null, "Happened", 3), (recorded.EventId, recorded.StreamId, recorded.StreamVersion, recorded.Position, recorded.Type, recorded.SchemaVersion));
        Assert.Equal(data, Encoding.UTF8.GetString(recorded.Data.Span));
        Assert.Equal(metadata, recorded.Metadata);
        Assert.Equal(At, recorded.Timestamp);
        Assert.Equal(TimeSpan.Zero, recorded.Timestamp.Offset);
    }

    [Fact]
    public void An_event_without_metadata_reads_back_with_empty_metadata()
    {
        var commit = DocumentMapper.ToCommit("s-1", 1, At, [new(First, "Happened", 1, Encoding.UTF8.GetBytes("{}"), EventMetadata.Empty)]);

        Assert.Same(EventMetadata.Empty, Assert.Single(DocumentMapper.ToRecorded(commit)).Metadata);
    }

    [Fact]
    public void Event_data_that_is_not_utf8_is_refused_before_anything_is_written()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            DocumentMapper.ToCommit("s-1", 1, At, [new(First, "Happened", 1, new byte[] { 0xC3, 0x28 }, EventMetadata.Empty)]));

        Assert.Contains(First.ToString(), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_change_feed_page_yields_its_documents_and_tips_are_marked_as_such()
    {
        var page = """{"_rid":"x","Documents":[{"id":"tip","streamId":"s","kind":"tip","version":2,"timestamp":"2026-11-22T08:30:00.0000000Z"},""" +
                   """{"id":"1","streamId":"s","kind":"commit","first":1,"last":1,"timestamp":"2026-11-22T08:30:00.0000000Z","events":[]}],"_count":2}""";

        var documents = CosmosJson.ReadPage<CommitDocument>(new MemoryStream(Encoding.UTF8.GetBytes(page)));

        Assert.Equal([DocumentKinds.Tip, DocumentKinds.Commit], documents.Select(d => d.Kind));
        Assert.Empty(CosmosJson.ReadPage<CommitDocument>(new MemoryStream("{}"u8.ToArray())));
    }
}
