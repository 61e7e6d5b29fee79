namespace EventSourcing.Store;

/// <summary>Which way to read a stream.</summary>
public enum ReadDirection
{
    Forward,
    Backward,
}
