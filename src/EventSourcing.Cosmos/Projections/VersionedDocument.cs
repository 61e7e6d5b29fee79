using EventSourcing.Projections;

namespace EventSourcing.Cosmos.Projections;

/// <summary>A stored read-model document with the ETag its next write must match.</summary>
public sealed record VersionedDocument(StoredDocument Document, string ETag);
