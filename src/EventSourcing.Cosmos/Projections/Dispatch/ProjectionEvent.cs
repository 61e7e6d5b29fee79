using EventSourcing.Store;

namespace EventSourcing.Cosmos.Projections.Dispatch;

/// <summary>An event as one projection sees it: the document it changes, or why it cannot be applied.</summary>
internal sealed record ProjectionEvent(RecordedEvent Recorded, object? Event, string? Key, string? Error, bool Ignored);
