using EventSourcing.Deciders;
using EventSourcing.Diagnostics;
using EventSourcing.Sagas;
using EventSourcing.Serialization;
using EventSourcing.Store;
using EventSourcing.Subscriptions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace EventSourcing.Hosting;

/// <summary>The entry point of the building blocks: <c>services.AddEventSourcing(configuration, events).UseSqlite()...</c>.</summary>
public static class EventSourcingServiceCollectionExtensions
{
    /// <summary>
    /// Registers what every store shares: <see cref="TimeProvider.System"/> (unless one is registered), an
    /// <see cref="EventSerializer"/> over <paramref name="events"/>, the <see cref="StateCache"/>, the
    /// <see cref="IEventStore"/> (the chosen store with metrics and traces) and the <see cref="AggregateStore"/> over it,
    /// one <see cref="OrchestrationRegistry"/> built from every added saga, and the subscriptions'
    /// <see cref="DeliveryPolicy"/> from <c>Subscriptions:MaxAttempts</c>, <c>Subscriptions:RetryDelay</c> and
    /// <c>Subscriptions:MaxRetryDelay</c>. Choose the store on the builder it returns; the host fails to start without one.
    /// </summary>
    /// <exception cref="InvalidOperationException">A <c>Subscriptions:*</c> value is not a number or a time span.</exception>
    public static EventSourcingBuilder AddEventSourcing(this IServiceCollection services, IConfiguration configuration, EventTypeMap events)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(events);
        var delivery = Delivery(configuration);

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(new EventSerializer(events));
        services.AddSingleton(_ => new StateCache());
        services.AddSingleton<IEventStore>(sp => new InstrumentedEventStore(ChosenStore.Of(sp).Events(sp)));
        services.AddSingleton(sp => new AggregateStore(
            sp.GetRequiredService<IEventStore>(), sp.GetRequiredService<EventSerializer>(), ChosenStore.Of(sp).Snapshots(sp),
            cache: sp.GetRequiredService<StateCache>()));
        services.AddSingleton(sp =>
        {
            var registry = new OrchestrationRegistry();
            foreach (var saga in sp.GetServices<ISagaDefinition>()) saga.Register(registry);
            return registry;
        });
        services.AddSingleton(sp => delivery with { TimeProvider = sp.GetRequiredService<TimeProvider>() });
        // First of all hosted services: a host without a store stops here, before anything else starts.
        services.Insert(0, ServiceDescriptor.Singleton<IHostedService, StoreChoiceCheck>());
        return new EventSourcingBuilder(services, configuration);
    }

    /// <summary>How patiently a subscriber is tried on one event before it is parked in the subscription's dead letters.</summary>
    private static DeliveryPolicy Delivery(IConfiguration configuration)
    {
        var defaults = new DeliveryPolicy();
        return defaults with
        {
            MaxAttempts = Math.Max(1, configuration.GetValue("Subscriptions:MaxAttempts", defaults.MaxAttempts)),
            Backoff = new(configuration.GetValue("Subscriptions:RetryDelay", defaults.Backoff.First),
                configuration.GetValue("Subscriptions:MaxRetryDelay", defaults.Backoff.Max)),
        };
    }
}
