namespace EventSourcing.Store;

/// <summary>What travels with every event besides its data: why it happened and free-form headers.</summary>
/// <param name="CorrelationId">Ties together everything one request or workflow caused.</param>
/// <param name="CausationId">The id of the message (command or event) that directly caused this event.</param>
/// <param name="Headers">Free-form string headers; null when there are none (equal to an empty map).</param>
public sealed record EventMetadata(
    string? CorrelationId = null,
    string? CausationId = null,
    IReadOnlyDictionary<string, string>? Headers = null)
{
    /// <summary>Metadata with nothing in it.</summary>
    public static EventMetadata Empty { get; } = new();

    /// <summary>Value equality including the headers' contents.</summary>
    public bool Equals(EventMetadata? other) =>
        other is not null
        && CorrelationId == other.CorrelationId
        && CausationId == other.CausationId
        && HeadersEqual(Headers, other.Headers);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(CorrelationId, CausationId, Headers?.Count ?? 0);

    private static bool HeadersEqual(IReadOnlyDictionary<string, string>? a, IReadOnlyDictionary<string, string>? b)
    {
        var left = a ?? EmptyHeaders;
        var right = b ?? EmptyHeaders;
        return left.Count == right.Count
            && left.All(pair => right.TryGetValue(pair.Key, out var value) && value == pair.Value);
    }

    private static readonly Dictionary<string, string> EmptyHeaders = [];
}
