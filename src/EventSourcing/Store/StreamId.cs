namespace EventSourcing.Store;

/// <summary>Rules for stream ids, the same for every store (they are Cosmos ids and partition keys).</summary>
public static class StreamId
{
    /// <summary>Longest stream id accepted, leaving room under Cosmos's 255-character id limit.</summary>
    public const int MaxLength = 200;

    // Cosmos rejects these in ids; we reject them everywhere so a stream that works locally works in Azure.
    private static readonly char[] Forbidden = ['/', '\\', '?', '#'];

    /// <summary>Throws <see cref="InvalidStreamIdException"/> unless the id is acceptable.</summary>
    public static void Validate(string? streamId)
    {
        if (string.IsNullOrWhiteSpace(streamId))
            throw new InvalidStreamIdException(streamId ?? "", "it is empty.");
        if (streamId.Length > MaxLength)
            throw new InvalidStreamIdException(streamId[..32] + "…", $"it is {streamId.Length} characters long; the limit is {MaxLength}.");
        if (char.IsWhiteSpace(streamId[0]) || char.IsWhiteSpace(streamId[^1]))
            throw new InvalidStreamIdException(streamId, "it starts or ends with white space.");
        foreach (var c in streamId)
        {
            if (char.IsControl(c))
                throw new InvalidStreamIdException(streamId, "it contains a control character.");
            if (Array.IndexOf(Forbidden, c) >= 0)
                throw new InvalidStreamIdException(streamId, $"it contains '{c}'; '/', '\\', '?' and '#' are not allowed.");
        }
    }
}
