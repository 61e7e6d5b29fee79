namespace EventSourcing.Concurrency;

/// <summary>
/// Work on one key takes turns within this process: one at a time per key, keys side by side. Only keys with work in
/// flight or waiting are kept, so the keys may be unbounded (every stream of a store).
/// </summary>
public sealed class KeyedTurns
{
    private readonly Dictionary<string, Turn> _turns = new(StringComparer.Ordinal);

    /// <summary>Waits for the key's turn; disposing the result hands it on.</summary>
    public async Task<IDisposable> EnterAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        Turn turn;
        lock (_turns)
        {
            if (!_turns.TryGetValue(key, out turn!)) _turns[key] = turn = new Turn(key);
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

    /// <summary>How many keys have work in flight or waiting (what this keeps in memory).</summary>
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
            if (--turn.Waiting == 0) _turns.Remove(turn.Key);
        }
    }

    private sealed class Turn(string key)
    {
        public string Key { get; } = key;

        public SemaphoreSlim Gate { get; } = new(1, 1);

        public int Waiting { get; set; }
    }

    private sealed class Holder(KeyedTurns owner, Turn turn) : IDisposable
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
