namespace EventSourcing.Store;

/// <summary>An event about to be appended, already serialized.</summary>
/// <param name="EventId">Unique across the whole store; a retry of the same append reuses it.</param>
/// <param name="Type">The declared stored name, never the CLR type name.</param>
/// <param name="SchemaVersion">The shape version of <paramref name="Data"/>, starting at 1.</param>
/// <param name="Data">UTF-8 JSON of the event.</param>
/// <param name="Metadata">Correlation, causation and headers.</param>
public sealed record EventData(
    Guid EventId,
    string Type,
    int SchemaVersion,
    ReadOnlyMemory<byte> Data,
    EventMetadata Metadata)
{
    /// <summary>Bytes this event counts against an append's size limit.</summary>
    public int ApproximateSize =>
        Data.Length + Type.Length * 2 + 64
        + (Metadata.CorrelationId?.Length ?? 0) * 2
        + (Metadata.CausationId?.Length ?? 0) * 2
        + (Metadata.Headers?.Sum(h => (h.Key.Length + h.Value.Length) * 2) ?? 0);
}
