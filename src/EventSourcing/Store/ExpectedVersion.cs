namespace EventSourcing.Store;

/// <summary>
/// What the writer believes about a stream before appending. Stream versions start at 1;
/// version 0 means the stream has no events.
/// </summary>
public readonly record struct ExpectedVersion
{
    private const long AnyValue = -1;
    private const long StreamExistsValue = -2;

    private ExpectedVersion(long value) => Value = value;

    /// <summary>The raw value: an exact version (0 = no stream) or a negative sentinel.</summary>
    public long Value { get; }

    /// <summary>Append whatever the stream's state.</summary>
    public static ExpectedVersion Any { get; } = new(AnyValue);

    /// <summary>Append only if the stream has no events yet.</summary>
    public static ExpectedVersion NoStream { get; } = new(0);

    /// <summary>Append only if the stream already has at least one event.</summary>
    public static ExpectedVersion StreamExists { get; } = new(StreamExistsValue);

    /// <summary>Append only if the stream is exactly at <paramref name="version"/> (0 = no stream).</summary>
    public static ExpectedVersion Exact(long version) =>
        version >= 0 ? new(version) : throw new ArgumentOutOfRangeException(nameof(version), version, "An exact version is 0 or more.");

    /// <summary>True when the value names one version rather than a condition.</summary>
    public bool IsExact => Value >= 0;

    /// <summary>Whether a stream currently at <paramref name="actualVersion"/> satisfies this expectation.</summary>
    public bool IsSatisfiedBy(long actualVersion) => Value switch
    {
        AnyValue => true,
        StreamExistsValue => actualVersion > 0,
        _ => actualVersion == Value,
    };

    /// <summary>"Any", "NoStream", "StreamExists" or the exact version, as logs and error messages show it.</summary>
    public override string ToString() => Value switch
    {
        AnyValue => "Any",
        StreamExistsValue => "StreamExists",
        0 => "NoStream",
        _ => Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
