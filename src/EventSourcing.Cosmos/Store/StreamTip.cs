namespace EventSourcing.Cosmos.Store;

/// <summary>The stream's tip as read before an append: its version, last commit time and ETag.</summary>
internal sealed record StreamTip(long Version, DateTimeOffset Timestamp, string ETag);
