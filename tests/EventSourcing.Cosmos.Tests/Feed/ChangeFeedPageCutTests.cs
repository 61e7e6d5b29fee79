using System.Text;
using System.Text.Json;
using EventSourcing.Cosmos.Documents;
using EventSourcing.Cosmos.Feed;
using EventSourcing.Feed;
using EventSourcing.Tests.Support;

namespace EventSourcing.Cosmos.Tests.Feed;

/// <summary>
/// How a request takes its share of a change-feed page without Cosmos: a page read again skips exactly what was
/// returned from it, counted in commit events; another page is never skipped into; filters pass events over.
/// </summary>
public sealed class ChangeFeedPageCutTests
{
    private static readonly CommitDocument A = Commit("order-1", 0, 3);
    private static readonly CommitDocument B = Commit("stock-1", 0, 1);
    private static readonly CommitDocument C = Commit("order-1", 3, 2);
    private static readonly CommitDocument[] Page = [A, B, C];

    [Fact]
    public void Reading_a_page_again_and_again_with_the_cursor_it_leaves_returns_each_event_once_for_any_budget()
    {
        var all = Page.SelectMany(c => c.Events.Select(e => e.Id)).ToList();
        foreach (var budget in Enumerable.Range(1, 7))
        {
            var read = new List<Guid>();
            IReadOnlyList<DeliveredPrefix> delivered = [];
            for (var request = 0; request < 10; request++)
            {
                var cut = ChangeFeedPageCut.Take(Page, delivered, budget, FeedFilter.None);
                read.AddRange(cut.Taken.Select(e => e.EventId));
                delivered = cut.Delivered;
                if (cut.PassedPage) break;
            }

            Assert.Equal(all, read);
            Assert.Empty(delivered);
        }
    }

    [Fact]
    public void A_cut_inside_a_commit_resumes_at_the_next_event_of_that_commit()
    {
        var first = ChangeFeedPageCut.Take(Page, [], 2, FeedFilter.None);
        var second = ChangeFeedPageCut.Take(Page, first.Delivered, 2, FeedFilter.None);

        Assert.Equal([1L, 2L], first.Taken.Select(e => e.StreamVersion));
        Assert.False(first.PassedPage);
        Assert.Equal([("order-1", 3L), ("stock-1", 1L)], second.Taken.Select(e => (e.StreamId, e.StreamVersion)));
    }

    [Fact]
    public void Another_page_read_first_is_returned_whole_and_the_begun_page_is_still_skipped_when_it_comes()
    {
        // The whole-container feed reads its feed ranges in turn: read again, another range's new page may come first.
        var begun = ChangeFeedPageCut.Take(Page, [], 4, FeedFilter.None);
        CommitDocument[] other = [Commit("payment-9", 0, 3), Commit("payment-8", 0, 2)]; // more commit events than the begun prefix

        var meanwhile = ChangeFeedPageCut.Take(other, begun.Delivered, 100, FeedFilter.None);
        var resumed = ChangeFeedPageCut.Take(Page, meanwhile.Delivered, 100, FeedFilter.None);

        Assert.Equal(5, meanwhile.Taken.Count);
        Assert.True(meanwhile.PassedPage);
        Assert.Equal([("order-1", 4L), ("order-1", 5L)], resumed.Taken.Select(e => (e.StreamId, e.StreamVersion)));
        Assert.Empty(resumed.Delivered);
    }

    [Fact]
    public void Events_the_filter_passes_over_count_as_consumed_so_the_cursor_moves_on()
    {
        var filter = new FeedFilter(StreamPrefix: "stock-");

        var cut = ChangeFeedPageCut.Take(Page, [], 100, filter);

        Assert.Equal("stock-1", Assert.Single(cut.Taken).StreamId);
        Assert.True(cut.PassedPage);
    }

    [Fact]
    public void A_page_without_commits_is_passed_at_once()
    {
        var cut = ChangeFeedPageCut.Take([], [], 10, FeedFilter.None);

        Assert.Empty(cut.Taken);
        Assert.True(cut.PassedPage);
    }

    [Fact]
    public void Only_commit_documents_of_a_page_are_read_tips_and_snapshots_are_not_events()
    {
        var json = JsonSerializer.Serialize(new
        {
            Documents = new object[]
            {
                DocumentMapper.ToTip("order-1", 3, A.Timestamp),
                A,
                new SnapshotDocument { StreamId = "order-1", Version = 3, StateType = "Order", Data = "{}" },
                B,
            },
            _count = 4,
        }, CosmosJson.Options);

        var commits = ChangeFeedPageCut.Commits(new MemoryStream(Encoding.UTF8.GetBytes(json)));

        Assert.Equal([A.Id, B.Id], commits.Select(c => c.Id));
        Assert.Equal(A.Events.Select(e => e.Data), commits[0].Events.Select(e => e.Data));
    }

    private static CommitDocument Commit(string stream, long after, int count) =>
        DocumentMapper.ToCommit(stream, after + 1, new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero).AddSeconds(after), TestEvents.Many(count));
}
