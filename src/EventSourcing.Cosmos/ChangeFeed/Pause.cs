namespace EventSourcing.Cosmos.ChangeFeed;

/// <summary>The wait between two tries of a loop that ends quietly when it is cancelled.</summary>
internal static class Pause
{
    /// <returns>False when cancelled first.</returns>
    public static async Task<bool> ForAsync(TimeSpan delay, TimeProvider time, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, time, cancellationToken);
            return true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
