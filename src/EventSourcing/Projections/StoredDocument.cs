namespace EventSourcing.Projections;

/// <summary>A stored document: its JSON (null once deleted) and, per stream that fed it, the last version applied.</summary>
/// <remarks>A deleted document stays as a tombstone so its versions still turn away redelivered events.</remarks>
public sealed record StoredDocument(string Key, string? Json, IReadOnlyDictionary<string, long> Versions, DateTimeOffset UpdatedAt);
