using System.Collections.Concurrent;

namespace EventSourcing.Sagas.Embedded;

/// <summary>The steps and delayed wake-ups still running, so disposing the runner can wait for them to stop.</summary>
internal sealed class InFlightTasks
{
    private readonly ConcurrentDictionary<Task, byte> _tasks = new();

    public void Track(Task task)
    {
        _tasks.TryAdd(task, 0);
        task.ContinueWith(t => _tasks.TryRemove(t, out _), TaskScheduler.Default);
    }

    public Task WhenAllAsync() => Task.WhenAll(_tasks.Keys);
}
