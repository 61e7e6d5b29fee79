namespace EventSourcing.Sagas.Embedded;

/// <summary>
/// The ids of instances that may still be running, so a restarted runner knows whom to resume. Written before an
/// instance's history starts and cleared after it ends; the history stays the truth, so an entry whose instance
/// turns out finished (or never started) is simply dropped on resume.
/// </summary>
public interface ISagaInstanceIndex
{
    Task AddAsync(string instanceId, string orchestrator, DateTimeOffset at, CancellationToken cancellationToken = default);

    Task RemoveAsync(string instanceId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<string>> GetRunningAsync(CancellationToken cancellationToken = default);
}
