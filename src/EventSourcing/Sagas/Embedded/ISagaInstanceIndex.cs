namespace EventSourcing.Sagas.Embedded;

/// <summary>
/// The ids of instances that may still be running, so a restarted runner knows whom to resume. Written before an
/// instance's history starts and cleared after it ends; the history stays the truth, so an entry whose instance
/// turns out finished (or never started) is simply dropped on resume.
/// </summary>
public interface ISagaInstanceIndex
{
    /// <summary>Lists the instance as possibly running; adding it again changes nothing.</summary>
    Task AddAsync(string instanceId, string orchestrator, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>Drops the instance from the list (nothing happens when it is not there).</summary>
    Task RemoveAsync(string instanceId, CancellationToken cancellationToken = default);

    /// <summary>The ids listed, oldest first.</summary>
    Task<IReadOnlyList<string>> GetRunningAsync(CancellationToken cancellationToken = default);
}
