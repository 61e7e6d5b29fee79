namespace EventSourcing.Store;

/// <summary>What part of a stream to read.</summary>
/// <param name="Direction">Forward from <see cref="FromVersion"/> upwards, or backward from it downwards.</param>
/// <param name="FromVersion">First version returned (inclusive). Null: the start (forward) or the end (backward).</param>
/// <param name="MaxCount">At most this many events.</param>
/// <param name="UntilVersion">Ignore events after this version: the stream as it was then.</param>
/// <param name="Until">Ignore events committed after this instant: the stream as it was then.</param>
public sealed record StreamReadOptions(
    ReadDirection Direction = ReadDirection.Forward,
    long? FromVersion = null,
    int MaxCount = int.MaxValue,
    long? UntilVersion = null,
    DateTimeOffset? Until = null)
{
    /// <summary>The whole stream, forward.</summary>
    public static StreamReadOptions All { get; } = new();

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> for values no store can honour.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(MaxCount, nameof(MaxCount));
        if (FromVersion is < 0) throw new ArgumentOutOfRangeException(nameof(FromVersion), FromVersion, "A version is 0 or more.");
        if (UntilVersion is < 0) throw new ArgumentOutOfRangeException(nameof(UntilVersion), UntilVersion, "A version is 0 or more.");
    }
}
