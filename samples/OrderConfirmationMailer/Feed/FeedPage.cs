namespace OrderConfirmationMailer.Feed;

/// <summary>A page of <c>GET /api/events</c>: events in commit order and the cursor to ask for the next page with.</summary>
internal sealed record FeedPage(IReadOnlyList<FeedEvent> Events, string Next);
