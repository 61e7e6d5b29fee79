namespace EventSourcing.Cosmos.Store;

/// <summary>Request units added up over the calls of one operation (an append, a read, a dispatched batch).</summary>
internal sealed class Charge
{
    private double _total;

    public double Total => Volatile.Read(ref _total);

    public void Add(double requestCharge)
    {
        double seen, next;
        do
        {
            seen = Volatile.Read(ref _total);
            next = seen + requestCharge;
        } while (Interlocked.CompareExchange(ref _total, next, seen) != seen);
    }
}
