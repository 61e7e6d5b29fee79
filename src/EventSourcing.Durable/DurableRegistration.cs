using System.Text.Json;
using EventSourcing.Sagas;
using Microsoft.DurableTask;

namespace EventSourcing.Durable;

/// <summary>
/// Registers the orchestrators and activities of an <see cref="OrchestrationRegistry"/> with a Durable Task worker, under
/// the same names, each orchestrator run through <see cref="DurableOrchestrationContext"/>: the registration a Durable
/// Task SDK host needs (the Functions app binds the same names with its trigger attributes instead).
/// </summary>
public static class DurableRegistration
{
    /// <summary>Registers every orchestrator and activity of <paramref name="registry"/> with <paramref name="tasks"/>, under their own names.</summary>
    /// <returns><paramref name="tasks"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static DurableTaskRegistry AddSagas(this DurableTaskRegistry tasks, OrchestrationRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        ArgumentNullException.ThrowIfNull(registry);
        foreach (var name in registry.OrchestratorNames)
        {
            var run = registry.Orchestrator(name);
            tasks.AddOrchestratorFunc<JsonElement?, JsonElement?>(name, (context, _) => run(new DurableOrchestrationContext(context)));
        }
        foreach (var name in registry.ActivityNames)
        {
            var run = registry.Activity(name);
            // Durable hands activities no cancellation: a stopping worker abandons the work item and it runs again.
            tasks.AddActivityFunc<JsonElement?, JsonElement?>(name, (_, input) => run(input, CancellationToken.None));
        }
        return tasks;
    }
}
