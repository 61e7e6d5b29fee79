namespace EventSourcing.Feed;

/// <summary>A cursor the feed (or a correlation trace) did not issue (malformed, altered, of another version or another store).</summary>
public sealed class InvalidFeedCursorException(string message, Exception? inner = null) : Exception(message, inner);
