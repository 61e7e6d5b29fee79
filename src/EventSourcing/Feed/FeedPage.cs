using EventSourcing.Store;

namespace EventSourcing.Feed;

/// <summary>
/// One page of the feed: events in commit order (each stream's in version order) and the cursor to continue from.
/// <see cref="Next"/> is always set, also on an empty page, so a subscriber long-polls with it.
/// </summary>
/// <param name="CaughtUp">
/// The read reached the newest event committed when it ran: an empty page then means "nothing new yet", not "a stretch
/// of other events was passed over".
/// </param>
public sealed record FeedPage(IReadOnlyList<RecordedEvent> Events, string Next, bool CaughtUp);
