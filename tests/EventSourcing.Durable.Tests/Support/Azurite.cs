using DurableTask.AzureStorage;
using DurableTask.Core;
using Microsoft.Extensions.Logging;

namespace EventSourcing.Durable.Tests.Support;

/// <summary>
/// Durable's Azure Storage backend on Azurite, for tests that run the genuine engine against real queues, tables and blobs.
/// <c>bash .ci/run</c> installs Azurite from the repo's package-lock.json, starts it, and sets
/// <c>AZURITE_CONNECTION_STRING</c> and <c>DURABLE_TESTS_REQUIRE_AZURITE=1</c>; elsewhere these tests are skipped
/// unless the connection string is set by hand. Start Azurite with <c>--skipApiVersionCheck</c>: the storage SDKs we
/// restore speak newer service API versions than Azurite 3.35.0 knows, and it refuses them otherwise.
/// </summary>
internal static class Azurite
{
    private const string ConnectionStringVariable = "AZURITE_CONNECTION_STRING";
    private const string RequireVariable = "DURABLE_TESTS_REQUIRE_AZURITE";

    /// <summary>The Azurite (or Azure Storage) connection string from <c>AZURITE_CONNECTION_STRING</c>, or null when not set.</summary>
    public static string? ConnectionString =>
        Environment.GetEnvironmentVariable(ConnectionStringVariable) is { Length: > 0 } value ? value : null;

    private static bool Required => Environment.GetEnvironmentVariable(RequireVariable) == "1";

    /// <summary>
    /// Skips the calling test when no Azurite connection string is set, or fails it when
    /// <c>DURABLE_TESTS_REQUIRE_AZURITE=1</c> (as in CI, so the Azurite tests can never be skipped silently there).
    /// </summary>
    public static void RequireOrSkip()
    {
        if (ConnectionString is not null)
        {
            return;
        }

        const string howTo =
            "To run them: `npm ci` at the repo root, start Azurite (e.g. `npx azurite --disableTelemetry --inMemoryPersistence " +
            "--skipApiVersionCheck`) and set AZURITE_CONNECTION_STRING to its connection string " +
            "(\"UseDevelopmentStorage=true\" for the default ports 10000-10002); or run `bash .ci/run`, which does all of that.";

        if (Required)
        {
            Assert.Fail($"{RequireVariable}=1 but {ConnectionStringVariable} is not set: the Azurite tests must run here. {howTo}");
        }

        Assert.Skip($"Needs Azurite: {ConnectionStringVariable} is not set. {howTo}");
    }

    /// <summary>
    /// A new task hub name, unique per call and valid for Durable's Azure Storage backend: letters and digits only,
    /// starting with a letter, 3 to 45 characters (the hub name prefixes queue, container and table names).
    /// </summary>
    public static string NewTaskHubName() => "Test" + Guid.NewGuid().ToString("N"); // 36 characters

    /// <summary>
    /// Durable's Azure Storage orchestration service over Azurite for <paramref name="taskHubName"/>, with its task hub
    /// created (queues, tables, lease containers). Not started: the caller (a worker, or a test) calls <c>StartAsync</c>
    /// and, at the end, <c>StopAsync</c>.
    /// </summary>
    /// <param name="taskHubName">The task hub; services created with the same name share its state (see <see cref="NewTaskHubName"/>).</param>
    /// <param name="loggers">Where the backend logs (its partition manager and queue traces are useful when a test hangs).</param>
    /// <param name="workerId">This worker's id in the partition table; unique per service when not given, so that a
    /// second service on the same hub is a different worker, as a restarted process would be.</param>
    /// <remarks>
    /// Settings tuned for tests (the defaults are for production):
    /// <list type="bullet">
    /// <item>queues polled at least every 500 ms (the default backs off to 30 s when a queue is idle);</item>
    /// <item>table partition management with a 1 s acquire/renew loop and 5 s lease: a worker's <c>StopAsync</c> releases
    /// its partition leases, and a second worker started afterwards claims them on its first pass, within about a second;
    /// a worker that was never stopped (a simulated crash) loses them 5 s after its last renewal;</item>
    /// <item>one partition (one control queue to claim and poll) and no app lease (no extra blob lease to wait for);</item>
    /// <item>dequeued messages that were never completed (a crashed worker's) reappear after 30 s instead of 5 minutes.</item>
    /// </list>
    /// </remarks>
    public static async Task<IOrchestrationService> CreateServiceAsync(
        string taskHubName, ILoggerFactory loggers, string? workerId = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(taskHubName);
        ArgumentNullException.ThrowIfNull(loggers);

        string connectionString = ConnectionString
            ?? throw new InvalidOperationException(
                $"{ConnectionStringVariable} is not set: call {nameof(Azurite)}.{nameof(RequireOrSkip)}() first.");

        var settings = new AzureStorageOrchestrationServiceSettings
        {
            StorageAccountClientProvider = new StorageAccountClientProvider(connectionString),
            TaskHubName = taskHubName,
            LoggerFactory = loggers,
            WorkerId = workerId ?? $"{Environment.MachineName}-{Guid.NewGuid():N}",
            MaxQueuePollingInterval = TimeSpan.FromMilliseconds(500),
            PartitionCount = 1,
            UseTablePartitionManagement = true,
            UseLegacyPartitionManagement = false,
            LeaseAcquireInterval = TimeSpan.FromSeconds(1),
            LeaseRenewInterval = TimeSpan.FromSeconds(1),
            LeaseInterval = TimeSpan.FromSeconds(5),
            UseAppLease = false,
            ControlQueueVisibilityTimeout = TimeSpan.FromSeconds(30),
            WorkItemQueueVisibilityTimeout = TimeSpan.FromSeconds(30),
        };

        var service = new AzureStorageOrchestrationService(settings);
        await service.CreateIfNotExistsAsync();
        return service;
    }
}
