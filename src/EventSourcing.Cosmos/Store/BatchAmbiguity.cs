namespace EventSourcing.Cosmos.Store;

/// <summary>
/// Whether some batch of one append may have committed unseen: one was sent and the answer was a timeout, 449, 500,
/// 503 or a broken connection (even if a retry then answered). Until the append looks again and finds out, a failure
/// cannot say that nothing was written.
/// </summary>
internal sealed class BatchAmbiguity
{
    private int _mayHaveCommitted;

    public bool MayHaveCommitted => Volatile.Read(ref _mayHaveCommitted) == 1;

    /// <summary>A batch was sent and no clear answer came back.</summary>
    public void Unanswered() => Volatile.Write(ref _mayHaveCommitted, 1);

    /// <summary>The append looked up its ids after every batch it sent: whatever those did is known now.</summary>
    public void Resolved() => Volatile.Write(ref _mayHaveCommitted, 0);
}
