using Ordering.LocalHost.Tests.InProcess;
using Ordering.LocalHost.Tests.Scenarios;

namespace Ordering.LocalHost.Tests.Cosmos;

/// <summary>
/// The whole HTTP scenario suite against the local host in memory on Cosmos DB (Store:Provider=Cosmos), where
/// COSMOS_CONNECTION_STRING (the emulator's, in the GitHub workflow) or COSMOS_ENDPOINT (DefaultAzureCredential) is set.
/// </summary>
public sealed class CosmosInProcessScenarios(CosmosApiFixture fixture) : OrderingApiScenarios, IClassFixture<CosmosApiFixture>
{
    protected override HttpClient Client => fixture.Client;

    // Rebuilds run here too (a processor per new generation, in this host), so the rebuild scenario is not skipped; the
    // new generation reads the whole feed again and takes over once its estimator has nothing pending, polled every 2 s.
    protected override int RebuildSeconds => 120;
}

/// <summary>One Cosmos-backed host for the class, created on first use, so an unconfigured run builds nothing.</summary>
public sealed class CosmosApiFixture : IAsyncDisposable
{
    public const string SkipReason =
        "Neither COSMOS_CONNECTION_STRING nor COSMOS_ENDPOINT is set: no Cosmos DB (emulator or account) to run the host on.";

    private static readonly string? ConnectionString = Environment.GetEnvironmentVariable("COSMOS_CONNECTION_STRING");
    private static readonly string? Endpoint = Environment.GetEnvironmentVariable("COSMOS_ENDPOINT");
    private readonly Lazy<InProcessApi> _api = new(Create);
    private readonly Lazy<HttpClient> _client;

    public CosmosApiFixture() => _client = new(() => _api.Value.CreateClient());

    public static bool IsConfigured => !string.IsNullOrWhiteSpace(ConnectionString) || !string.IsNullOrWhiteSpace(Endpoint);

    /// <summary>The host's client; skips the calling scenario when no Cosmos is configured.</summary>
    public HttpClient Client
    {
        get
        {
            Assert.SkipUnless(IsConfigured, SkipReason);
            return _client.Value;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_api.IsValueCreated) await _api.Value.DisposeAsync();
    }

    private static InProcessApi Create()
    {
        var api = new InProcessApi();
        api.Settings["Store:Provider"] = "Cosmos";
        api.Settings[string.IsNullOrWhiteSpace(ConnectionString) ? "CosmosDb:accountEndpoint" : "CosmosDb"] =
            string.IsNullOrWhiteSpace(ConnectionString) ? Endpoint : ConnectionString;
        api.Settings["CosmosDbName"] = "ordering-tests";
        api.Settings["Store:CreateContainers"] = "true";
        // The change feed is polled: reads of what was just written wait longer than on SQLite.
        api.Settings["Api:ReadYourWritesTimeout"] = "00:00:15";
        return api;
    }
}
