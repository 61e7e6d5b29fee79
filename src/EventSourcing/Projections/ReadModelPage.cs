namespace EventSourcing.Projections;

/// <summary>A page of documents and the token that continues after it; null when this is the last page.</summary>
public sealed record ReadModelPage<T>(IReadOnlyList<T> Items, string? ContinuationToken);
