using EventSourcing.Feed;
using EventSourcing.Store;

namespace EventSourcing.Tests.Feed;

/// <summary>A store, its feed reader, and whether the feed keeps one order across streams (SQLite does; Cosmos keeps each stream's).</summary>
public sealed record FeedUnderTest(IEventStore Store, IEventFeedReader Reader, bool OneOrderAcrossStreams, Func<ValueTask> Close) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => Close();
}
