using EventSourcing.Cosmos.Store;
using EventSourcing.Store;
using EventSourcing.Tests.Support;

namespace EventSourcing.Cosmos.Tests.Store;

/// <summary>What an append does after an ambiguous failure (timeout, 408, 449, 503) is retried, decided from where its ids are stored.</summary>
public sealed class AppendDecisionTests
{
    private const string Stream = "order-1";
    private readonly EventData[] _events = TestEvents.Many(2);

    [Fact]
    public void Ids_not_stored_and_the_expected_version_met_write_after_the_current_version()
    {
        var decision = AppendDecision.Decide(Stream, ExpectedVersion.Exact(3), _events, 3, [null, null]);

        Assert.Equal(new AppendDecision.Write(3), decision);
    }

    [Fact]
    public void Ids_not_stored_and_the_stream_elsewhere_is_a_conflict_with_the_actual_version()
    {
        Assert.Equal(new AppendDecision.Conflict(5), AppendDecision.Decide(Stream, ExpectedVersion.Exact(3), _events, 5, [null, null]));
        Assert.Equal(new AppendDecision.Conflict(5), AppendDecision.Decide(Stream, ExpectedVersion.NoStream, _events, 5, [null, null]));
        Assert.Equal(new AppendDecision.Conflict(0), AppendDecision.Decide(Stream, ExpectedVersion.StreamExists, _events, 0, [null, null]));
    }

    [Fact]
    public void A_retry_of_an_append_that_committed_answers_its_original_version_even_after_the_stream_moved_on()
    {
        // The first attempt wrote versions 4 and 5 and then timed out; others appended up to 9 since.
        var decision = AppendDecision.Decide(Stream, ExpectedVersion.Exact(3), _events, 9, [At(_events[0], 4), At(_events[1], 5)]);

        Assert.Equal(new AppendDecision.AlreadyCommitted(new AppendResult(5, null)), decision);
    }

    [Fact]
    public void A_retry_without_an_exact_expectation_is_recognised_wherever_its_events_landed_in_the_stream()
    {
        var decision = AppendDecision.Decide(Stream, ExpectedVersion.Any, _events, 7, [At(_events[0], 6), At(_events[1], 7)]);

        Assert.Equal(new AppendDecision.AlreadyCommitted(new AppendResult(7, null)), decision);
    }

    [Fact]
    public void An_append_whose_ids_are_only_partly_stored_is_rejected()
    {
        var error = Assert.Throws<DuplicateEventIdException>(() =>
            AppendDecision.Decide(Stream, ExpectedVersion.Exact(3), _events, 4, [At(_events[0], 4), null]));

        Assert.Equal((_events[0].EventId, 4L), (error.EventId, error.ExistingVersion));
    }

    [Fact]
    public void Ids_stored_at_other_versions_than_right_after_the_expected_one_are_rejected()
    {
        Assert.Throws<DuplicateEventIdException>(() =>
            AppendDecision.Decide(Stream, ExpectedVersion.Exact(2), _events, 9, [At(_events[0], 4), At(_events[1], 5)]));
        Assert.Throws<DuplicateEventIdException>(() =>
            AppendDecision.Decide(Stream, ExpectedVersion.Any, _events, 9, [At(_events[0], 5), At(_events[1], 4)]));
    }

    [Fact]
    public void Ids_stored_in_another_stream_are_rejected_naming_that_stream()
    {
        var error = Assert.Throws<DuplicateEventIdException>(() =>
            AppendDecision.Decide(Stream, ExpectedVersion.Any, _events, 0, [null, At(_events[1], 2, "order-2")]));

        Assert.Equal(("order-2", _events[1].EventId), (error.ExistingStreamId, error.EventId));
    }

    [Fact]
    public void Where_ids_are_stored_is_lined_up_with_the_append_s_events_whatever_order_the_query_returns()
    {
        EventIdLookup.Row[] rows = [new("order-2", _events[1].EventId, 8), new(Stream, _events[0].EventId, 4)];

        var found = EventIdLookup.Align(_events, rows);
        var none = EventIdLookup.Align(_events, []);

        Assert.Equal(new StoredEventLocation(_events[0].EventId, Stream, 4, null), found[0]);
        Assert.Equal(new StoredEventLocation(_events[1].EventId, "order-2", 8, null), found[1]);
        Assert.All(none, Assert.Null);
    }

    [Fact]
    public void The_id_lookup_asks_for_exactly_the_append_s_ids_in_commit_documents()
    {
        var query = EventIdLookup.Query(_events);

        Assert.StartsWith("SELECT c.streamId, e.id, e.version FROM c JOIN e IN c.events WHERE c.kind = 'commit' AND e.id IN (", query, StringComparison.Ordinal);
        Assert.EndsWith($"('{_events[0].EventId}', '{_events[1].EventId}')", query, StringComparison.Ordinal);
    }

    private static StoredEventLocation At(EventData e, long version, string stream = Stream) => new(e.EventId, stream, version, null);
}
