namespace EventSourcing.Store;

/// <summary>
/// How much one append may carry. The defaults fit one Cosmos commit document and batch
/// (2 MB) with room for the envelope, so an append that works locally also works in Azure.
/// </summary>
public sealed record AppendLimits(int MaxEventsPerAppend = 500, long MaxBytesPerAppend = 1_000_000)
{
    /// <summary>500 events and 1,000,000 bytes per append.</summary>
    public static AppendLimits Default { get; } = new();
}
