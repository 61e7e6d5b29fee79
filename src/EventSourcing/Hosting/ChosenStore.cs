using EventSourcing.Snapshots;
using EventSourcing.Store;
using Microsoft.Extensions.DependencyInjection;

namespace EventSourcing.Hosting;

/// <summary>The store a <c>Use</c> method chose (<see cref="EventSourcingBuilder.UseStore"/>): the core's registrations build on it.</summary>
internal sealed record ChosenStore(string Method, Func<IServiceProvider, IEventStore> Events, Func<IServiceProvider, ISnapshotStore?> Snapshots)
{
    public const string NoneChosen =
        "No event store was chosen: call UseSqlite() (EventSourcing.Sqlite) or UseCosmos() (EventSourcing.Cosmos) on the builder AddEventSourcing returned.";

    /// <exception cref="InvalidOperationException">No store, or more than one, was chosen.</exception>
    public static ChosenStore Of(IServiceProvider services)
    {
        var chosen = services.GetServices<ChosenStore>().ToList();
        return chosen.Count switch
        {
            1 => chosen[0],
            0 => throw new InvalidOperationException(NoneChosen),
            _ => throw new InvalidOperationException(
                $"{string.Join("(), ", chosen.Select(c => c.Method))}() were all called: an event-sourcing host uses exactly one store, so call only one of them."),
        };
    }
}
