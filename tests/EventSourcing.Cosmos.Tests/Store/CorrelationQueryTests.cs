using EventSourcing.Cosmos.Store;
using EventSourcing.Feed;
using EventSourcing.Store;

namespace EventSourcing.Cosmos.Tests.Store;

/// <summary>The correlation trace's query and cursor, without Cosmos: what each page asks for and where the next one resumes.</summary>
public sealed class CorrelationQueryTests
{
    private static readonly CorrelationQuery.Position After = new(new DateTimeOffset(2026, 12, 2, 2, 30, 0, TimeSpan.Zero).AddTicks(1234567), "order-7|x", 3);

    [Fact]
    public void The_first_page_asks_every_partition_for_the_id_in_timestamp_stream_and_version_order()
    {
        var query = CorrelationQuery.For("corr-1", null, 101);

        Assert.Equal(
            "SELECT TOP 101 c.streamId, c.timestamp, e AS entry FROM c JOIN e IN c.events WHERE c.kind = 'commit' AND e.correlationId = @correlation " +
            "ORDER BY c.timestamp ASC, c.streamId ASC, c.first ASC", query.Text);
        Assert.Equal(new Dictionary<string, object> { ["@correlation"] = "corr-1" }, query.Parameters);
    }

    [Fact]
    public void A_later_page_resumes_after_the_last_event_even_inside_its_commit()
    {
        var query = CorrelationQuery.For("corr-1", After, 6);

        Assert.Contains(
            "AND (c.timestamp > @timestamp OR (c.timestamp = @timestamp AND (c.streamId > @stream OR (c.streamId = @stream AND e.version > @version)))) ORDER BY",
            query.Text, StringComparison.Ordinal);
        Assert.Equal(new Dictionary<string, object>
        {
            ["@correlation"] = "corr-1", ["@timestamp"] = "2026-12-02T02:30:00.1234567Z", ["@stream"] = "order-7|x", ["@version"] = 3L,
        }, query.Parameters);
    }

    [Fact]
    public void A_cursor_round_trips_exactly_and_is_safe_in_a_url()
    {
        var cursor = CorrelationQuery.Cursor(After);

        Assert.Equal(After, CorrelationQuery.ParseCursor(cursor));
        Assert.Equal(Uri.EscapeDataString(cursor), cursor);
    }

    [Theory]
    [InlineData("not a cursor")]
    [InlineData("MTIz")] // base64url of "123": no parts
    [InlineData("MjAyNi0xMi0wMlQwMjozMDowMC4xMjM0NTY3WnwtMXxz")] // a negative version
    public void A_cursor_this_store_did_not_make_is_refused(string cursor) =>
        Assert.Throws<InvalidFeedCursorException>(() => CorrelationQuery.ParseCursor(cursor));
}
