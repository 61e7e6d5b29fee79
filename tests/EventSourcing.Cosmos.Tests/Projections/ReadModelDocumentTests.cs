using System.Text;
using System.Text.Json;
using EventSourcing.Cosmos.Documents;
using EventSourcing.Cosmos.Projections;
using EventSourcing.Projections;
using EventSourcing.Store;

namespace EventSourcing.Cosmos.Tests.Projections;

public sealed class ReadModelDocumentTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 22, 8, 30, 0, TimeSpan.Zero);

    [Fact]
    public void A_read_model_document_keeps_the_projection_s_json_under_doc_and_the_applied_versions_beside_it()
    {
        var document = new StoredDocument("o-1", """{"id":"o-1","total":1.10}""", new Dictionary<string, long> { ["order-o-1"] = 3 }, At);

        var json = Encoding.UTF8.GetString(ReadModelDocumentJson.Serialize("order-details", document));
        var back = ReadModelDocumentJson.Deserialize(JsonDocument.Parse(json).RootElement);

        Assert.Equal("""{"id":"order-details:o-1","projection":"order-details","key":"o-1","doc":{"id":"o-1","total":1.10},"versions":{"order-o-1":3},"updatedAt":"2026-11-22T08:30:00.0000000Z"}""", json);
        Assert.Equal((document.Key, document.Json, At), (back.Key, back.Json, back.UpdatedAt));
        Assert.Equal(document.Versions, back.Versions);
    }

    [Fact]
    public void A_deleted_document_is_a_tombstone_that_still_remembers_its_versions()
    {
        var tombstone = new StoredDocument("o-1", null, new Dictionary<string, long> { ["order-o-1"] = 9 }, At);

        var back = ReadModelDocumentJson.Deserialize(JsonDocument.Parse(ReadModelDocumentJson.Serialize("p", tombstone)).RootElement);

        Assert.Null(back.Json);
        Assert.Equal(9, back.Versions["order-o-1"]);
    }

    [Fact]
    public void Keys_with_characters_cosmos_forbids_in_ids_still_get_distinct_ids()
    {
        string[] keys = ["a/b", "a%2Fb", "a\\b", "a?b", "a#b", "a:b"];

        var ids = keys.Select(k => ReadModelDocumentJson.Id("p", k)).ToList();

        Assert.Equal(keys.Length, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(ids, id => Assert.DoesNotContain(id, c => c is '/' or '\\' or '?' or '#'));
        Assert.Equal("p:a%2Fb", ids[0]);
    }

    [Fact]
    public void A_key_too_long_for_a_cosmos_id_is_refused_so_its_event_is_parked()
    {
        var error = Assert.Throws<ReadModelRejectedException>(() => ReadModelDocumentJson.Id("p", new string('k', 254)));

        Assert.Contains("255", error.Message, StringComparison.Ordinal);
        Assert.Equal(255, ReadModelDocumentJson.Id("p", new string('k', 253)).Length);
    }

    [Fact]
    public void A_dead_letter_keeps_the_whole_envelope_the_error_and_the_attempts()
    {
        var recorded = new RecordedEvent(Guid.NewGuid(), "order-1", 4, null, "ItemAdded", 2, At, Encoding.UTF8.GetBytes("""{"sku":"a"}"""),
            new EventMetadata("corr", "cause"));
        var letter = new DeadLetter("order-details", 1, recorded, "System.FormatException: bad", 3, At.AddMinutes(1));

        var json = JsonSerializer.Serialize(DeadLetterDocument.From(letter), CosmosJson.Options);
        var document = JsonSerializer.Deserialize<DeadLetterDocument>(json, CosmosJson.Options)!;
        var back = document.ToDeadLetter();

        Assert.Equal(("order-details:4", "order-1"), (document.Id, document.StreamId));
        Assert.Equal((letter.Projection, letter.Error, letter.Attempts, letter.ParkedAt), (back.Projection, back.Error, back.Attempts, back.ParkedAt));
        Assert.Equal((recorded.EventId, recorded.StreamId, recorded.StreamVersion, recorded.Type, recorded.SchemaVersion, recorded.Timestamp, recorded.Metadata),
            (back.Event.EventId, back.Event.StreamId, back.Event.StreamVersion, back.Event.Type, back.Event.SchemaVersion, back.Event.Timestamp, back.Event.Metadata));
        Assert.Equal(recorded.Data.ToArray(), back.Event.Data.ToArray());
    }
}
