namespace EventSourcing.Http.Reads;

/// <summary>A page of the feed: events in commit order and the cursor to pass as <c>after</c> next (set on an empty page too).</summary>
public sealed record EventFeedPage(IReadOnlyList<FeedEvent> Events, string Next);
