using EventSourcing.Diagnostics;
using EventSourcing.Subscriptions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EventSourcing.Hosting;

/// <summary>
/// Runs every added subscriber on the store's <see cref="IEventSubscriptions"/> for as long as the host runs; a failure
/// of one is logged and it runs again. With no subscriber it does nothing, and the subscriptions (and whatever they
/// keep their checkpoints in) are never opened.
/// </summary>
public sealed class SubscriptionWorker(IServiceProvider services, TimeProvider time, ILogger<SubscriptionWorker> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var subscribers = services.GetServices<Subscriber>().ToList();
        if (subscribers.Count == 0) return Task.CompletedTask;
        var subscriptions = services.GetRequiredService<IEventSubscriptions>();
        return Task.WhenAll(subscribers.Select(s => RetryingLoop.RunAsync($"subscription {s.Name}",
            ct => subscriptions.RunAsync(s.Name, s.Handle, s.KeyOf, ct), Backoff.Default, time, logger, stoppingToken)));
    }
}
