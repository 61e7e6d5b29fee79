namespace EventSourcing.Store;

/// <summary>One page of a correlation's events.</summary>
/// <param name="Events">In commit order.</param>
/// <param name="Next">
/// Pass back as <c>after</c> for the events that follow; null when this page ends with the last event stored now (a
/// workflow still running can add more later).
/// </param>
public sealed record CorrelatedPage(IReadOnlyList<RecordedEvent> Events, string? Next);
