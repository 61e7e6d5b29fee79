namespace Ordering.LocalHost.Tests.Scenarios;

/// <summary>
/// The same HTTP scenario suite against any running backend: set ORDERING_API_BASE_URL (for example
/// http://127.0.0.1:7071 for the local host or `func start`, with ORDERING_API_KEY where keys are required, and
/// ORDERING_API_STORE=Cosmos for a backend on Cosmos DB).
/// </summary>
public sealed class BaseUrlScenarios : OrderingApiScenarios
{
    private static readonly string? BaseUrl = Environment.GetEnvironmentVariable("ORDERING_API_BASE_URL");

    private readonly Lazy<HttpClient> _client = new(CreateClient);

    // ORDERING_API_STORE=Cosmos says the backend is the Functions app on Cosmos DB, where rebuilds answer 501: its
    // processors are triggers, and a rebuild needs a long-running processor (the local host on Cosmos has one).
    protected override string? RebuildUnsupported =>
        string.Equals(Environment.GetEnvironmentVariable("ORDERING_API_STORE"), "Cosmos", StringComparison.OrdinalIgnoreCase)
            ? "ORDERING_API_STORE=Cosmos: the Functions app cannot rebuild a projection (501); the local host on Cosmos can."
            : null;

    // The Functions app runs sagas on Durable Functions, whose history is in Durable's storage, not the event store.
    protected override bool SagaHistoryInEventStore =>
        !string.Equals(Environment.GetEnvironmentVariable("ORDERING_API_STORE"), "Cosmos", StringComparison.OrdinalIgnoreCase);

    // Every scenario reaches the backend through Client, so this is where an unconfigured run skips.
    protected override HttpClient Client
    {
        get
        {
            Assert.SkipWhen(string.IsNullOrWhiteSpace(BaseUrl), "ORDERING_API_BASE_URL is not set: no running backend to test against.");
            return _client.Value;
        }
    }

    private static HttpClient CreateClient()
    {
        var client = new HttpClient { BaseAddress = new Uri(BaseUrl ?? "http://127.0.0.1:7071"), Timeout = TimeSpan.FromSeconds(30) };
        if (Environment.GetEnvironmentVariable("ORDERING_API_KEY") is { Length: > 0 } key)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
            client.DefaultRequestHeaders.Add("x-functions-key", key);
        }
        return client;
    }
}
