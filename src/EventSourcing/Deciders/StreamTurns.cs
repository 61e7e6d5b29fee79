namespace EventSourcing.Deciders;

/// <summary>
/// Commands on one stream take turns within this process. Optimistic concurrency alone lets every concurrent command
/// on a hot stream (a best-selling SKU during a checkout rush) load the same version, and only one of them wins each
/// round: the others retry, and a command can lose every round until its retries run out. Taking turns here, they meet
/// each other's events in the state instead; conflicts are left to writers in other processes, which the retries cover.
/// Only streams with a command in flight are kept.
/// </summary>
public sealed class StreamTurns
{
    private readonly Dictionary<string, Turn> _turns = new(StringComparer.Ordinal);

    /// <summary>Waits for the stream's turn; disposing the result hands it on.</summary>
    public async Task<IDisposable> EnterAsync(string streamId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(streamId);
        Turn turn;
        lock (_turns)
        {
            if (!_turns.TryGetValue(streamId, out turn!)) _turns[streamId] = turn = new Turn(streamId);
            turn.Waiting++;
        }
        try
        {
            await turn.Gate.WaitAsync(cancellationToken);
        }
        catch
        {
            Leave(turn);
            throw;
        }
        return new Holder(this, turn);
    }

    /// <summary>How many streams have a command in flight or waiting (what this keeps in memory).</summary>
    public int Count
    {
        get
        {
            lock (_turns) return _turns.Count;
        }
    }

    private void Leave(Turn turn)
    {
        lock (_turns)
        {
            // Whoever comes next registers under this lock before waiting, so a turn nobody counts is unreachable.
            if (--turn.Waiting == 0) _turns.Remove(turn.StreamId);
        }
    }

    private sealed class Turn(string streamId)
    {
        public string StreamId { get; } = streamId;

        public SemaphoreSlim Gate { get; } = new(1, 1);

        public int Waiting { get; set; }
    }

    private sealed class Holder(StreamTurns owner, Turn turn) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) != 0) return;
            turn.Gate.Release();
            owner.Leave(turn);
        }
    }
}
