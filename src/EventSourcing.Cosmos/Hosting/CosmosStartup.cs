using EventSourcing.Cosmos.Setup;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EventSourcing.Hosting;

/// <summary>Logs where the store is and, only when Store:CreateContainers is true, creates what is missing, before the change feed is read.</summary>
internal sealed partial class CosmosStartup(CosmosConnection connection, CosmosClient client, ILogger<CosmosStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        LogStore(logger, connection.Describe(), connection.CreateContainers);
        if (connection.CreateContainers) await CosmosSetup.EnsureCreatedAsync(client, connection.Names, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(LogLevel.Information, "Event store: {Store}; create missing containers: {CreateContainers}")]
    private static partial void LogStore(ILogger logger, string store, bool createContainers);
}
