namespace OrderConfirmationMailer.Feed;

/// <summary>A page of the audit trail, <c>GET /api/streams/{streamId}/events</c>.</summary>
internal sealed record StreamPage(string StreamId, IReadOnlyList<FeedEvent> Events);
