using EventSourcing.Projections;
using EventSourcing.Sagas;
using EventSourcing.Sagas.Embedded;
using EventSourcing.Store;
using EventSourcing.Subscriptions;
using EventSourcing.Snapshots;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace EventSourcing.Hosting;

/// <summary>
/// What <see cref="EventSourcingServiceCollectionExtensions.AddEventSourcing"/> returns: choose one store on it
/// (<c>UseSqlite()</c>, <c>UseCosmos()</c>) and add the domain's projections, sagas and subscriptions. Everything it adds
/// goes into <see cref="Services"/>, so the order of the calls does not matter.
/// </summary>
public sealed class EventSourcingBuilder
{
    internal EventSourcingBuilder(IServiceCollection services, IConfiguration configuration)
    {
        Services = services;
        Configuration = configuration;
    }

    /// <summary>The host's services, where every registration goes.</summary>
    public IServiceCollection Services { get; }

    /// <summary>The host's configuration, which stores' <c>Use</c> methods read their settings from.</summary>
    public IConfiguration Configuration { get; }

    /// <summary>The <c>Use</c> method that chose the store, or null while none has.</summary>
    public string? Store { get; private set; }

    /// <summary>
    /// For a store adapter's <c>Use</c> method: makes <paramref name="events"/> the event store (decorated with metrics and
    /// traces as <see cref="IEventStore"/>) and <paramref name="snapshots"/> the aggregates' snapshot store. The adapter
    /// registers the rest of what it provides (feed, read models, idempotency, ...) in <see cref="Services"/> itself.
    /// </summary>
    /// <param name="method">The adapter's method, as the error names it (e.g. "UseSqlite").</param>
    /// <exception cref="InvalidOperationException">A store was chosen already: a host has exactly one.</exception>
    public EventSourcingBuilder UseStore(string method, Func<IServiceProvider, IEventStore> events, Func<IServiceProvider, ISnapshotStore?> snapshots)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(method);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(snapshots);
        if (Store is not null)
            throw new InvalidOperationException(
                $"{method}() was called after {Store}(): an event-sourcing host uses exactly one store, so call only one of them on the builder AddEventSourcing returned.");
        Store = method;
        Services.AddSingleton(new ChosenStore(method, events, snapshots));
        return this;
    }

    /// <summary>
    /// For a store adapter's <c>Use</c> method: runs the added sagas in this process on the <see cref="EmbeddedSagaRunner"/>
    /// (the host's <see cref="ISagaClient"/>), their histories in the chosen event store and the runner's index of
    /// instances in <paramref name="index"/>, with a <see cref="SagaRunnerWorker"/> the host runs.
    /// </summary>
    public EventSourcingBuilder RunSagasInProcess(Func<IServiceProvider, ISagaInstanceIndex> index)
    {
        ArgumentNullException.ThrowIfNull(index);
        Services.AddSingleton(sp => new EmbeddedSagaRunner(
            sp.GetRequiredService<IEventStore>(), sp.GetRequiredService<OrchestrationRegistry>(), index(sp),
            new EmbeddedSagaRunnerOptions { TimeProvider = sp.GetRequiredService<TimeProvider>() }, sp.GetRequiredService<ILoggerFactory>(),
            sp.GetRequiredService<IStreamDirectory>()));
        Services.AddSingleton<ISagaClient>(sp => sp.GetRequiredService<EmbeddedSagaRunner>());
        Services.AddHostedService<SagaRunnerWorker>();
        return this;
    }

    /// <summary>Adds a projection constructed by dependency injection; the chosen store's runtime keeps its read model up to date.</summary>
    public EventSourcingBuilder AddProjection<TProjection>() where TProjection : class, IProjection
    {
        Services.TryAddEnumerable(ServiceDescriptor.Singleton<IProjection, TProjection>());
        return this;
    }

    /// <summary>Adds a projection instance; the chosen store's runtime keeps its read model up to date.</summary>
    public EventSourcingBuilder AddProjection(IProjection projection)
    {
        ArgumentNullException.ThrowIfNull(projection);
        Services.AddSingleton(projection);
        return this;
    }

    /// <summary>
    /// Adds a saga, constructed by dependency injection (so its activities' dependencies come by constructor); its
    /// orchestrator and activities join the one <see cref="OrchestrationRegistry"/> the host's saga runner runs.
    /// </summary>
    public EventSourcingBuilder AddSaga<TSaga>() where TSaga : class, ISagaDefinition
    {
        Services.TryAddEnumerable(ServiceDescriptor.Singleton<ISagaDefinition, TSaga>());
        return this;
    }

    /// <summary>Adds a subscriber constructed by dependency injection; the host runs it on the chosen store's feed.</summary>
    public EventSourcingBuilder AddSubscription<THandler>() where THandler : class, IEventHandler
    {
        Services.TryAddSingleton<THandler>();
        return AddSubscription(sp =>
        {
            var handler = sp.GetRequiredService<THandler>();
            return new Subscriber(handler.Name, handler.HandleAsync, handler.KeyOf);
        });
    }

    /// <summary>Adds a subscriber made from the host's services; the host runs it on the chosen store's feed.</summary>
    public EventSourcingBuilder AddSubscription(Func<IServiceProvider, Subscriber> subscriber)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        Services.AddSingleton(subscriber);
        return this;
    }
}
