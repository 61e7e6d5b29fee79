using Microsoft.Extensions.Hosting;

namespace EventSourcing.Hosting;

/// <summary>Fails the host's start, before any other hosted service runs, when no store or more than one was chosen.</summary>
internal sealed class StoreChoiceCheck(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = ChosenStore.Of(services);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
