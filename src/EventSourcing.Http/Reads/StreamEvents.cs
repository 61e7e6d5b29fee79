namespace EventSourcing.Http.Reads;

/// <summary>A page of one stream's events exactly as stored: the audit trail.</summary>
public sealed record StreamEvents(string StreamId, long Version, IReadOnlyList<StreamEvent> Events);
