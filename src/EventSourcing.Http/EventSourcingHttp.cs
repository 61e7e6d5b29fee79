using EventSourcing.Http.Pipeline;
using EventSourcing.Http.Reads;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EventSourcing.Http;

/// <summary>The registration of the HTTP building blocks, for any domain and either kind of host.</summary>
public static class EventSourcingHttp
{
    /// <summary>
    /// Registers what the pipeline and the domain-free endpoints need: <see cref="ApiPipeline"/> with
    /// <paramref name="options"/> (the defaults of <see cref="ApiOptions"/> when null), <see cref="CallerCredential.None"/>
    /// unless the host registered its own first, <see cref="TimeProvider.System"/> unless the host registered a clock, and
    /// the readers behind the stream, feed and correlation endpoints (<see cref="AuditTrail"/>, <see cref="EventFeed"/>,
    /// <see cref="CorrelationTrace"/>). The stores come from the host: the pipeline needs an <c>IIdempotencyStore</c>;
    /// each reader needs its store contract (<c>IEventStore</c>, <c>IEventFeedReader</c>, <c>ICorrelationIndex</c>) only
    /// when it is first resolved.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">
    /// A limit of <paramref name="options"/> is out of range: a body limit below 1 byte, a window or lease of zero or less,
    /// a negative duplicate wait.
    /// </exception>
    public static IServiceCollection AddEventSourcingHttp(this IServiceCollection services, ApiOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(Checked(options ?? new ApiOptions()));
        services.TryAddSingleton(CallerCredential.None); // a host with authentication registers its own first
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ApiPipeline>();
        services.TryAddSingleton<AuditTrail>(); // over the host's IEventStore
        services.TryAddSingleton<EventFeed>(); // over the IEventFeedReader of the host's store
        services.TryAddSingleton<CorrelationTrace>(); // over the ICorrelationIndex of the host's store
        return services;
    }

    private static ApiOptions Checked(ApiOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxBodyBytes, 1, nameof(ApiOptions.MaxBodyBytes));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.Window, TimeSpan.Zero, nameof(ApiOptions.IdempotencyWindow));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.Lease, TimeSpan.Zero, nameof(ApiOptions.IdempotencyLease));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Wait, TimeSpan.Zero, nameof(ApiOptions.DuplicateWait));
        return options;
    }
}
