namespace EventSourcing.Store;

/// <summary>Which way to read a stream.</summary>
public enum ReadDirection
{
    /// <summary>Oldest first.</summary>
    Forward,
    /// <summary>Newest first.</summary>
    Backward,
}
