namespace EventSourcing.Store;

/// <summary>One stream as a listing shows it.</summary>
/// <param name="Version">The version of its newest event.</param>
/// <param name="UpdatedAt">When its newest event was committed.</param>
public sealed record StreamSummary(string StreamId, long Version, DateTimeOffset UpdatedAt);
