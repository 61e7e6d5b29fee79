using EventSourcing.Sqlite.Sagas;
using EventSourcing.Subscriptions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Ordering.Functions.Tests.Support;

/// <summary>
/// The Functions app's own composition root (FunctionsBackend, as Program calls it) with the app settings Azure would
/// give it, on a Cosmos account address nothing listens at: CosmosClient connects on first use only, and what these
/// tests run (the saga trigger, names, bindings) never reaches the containers. The trigger's dead letters, which it
/// consults on every batch, are kept in a SQLite file instead: the same store contract, on a store that is here.
/// </summary>
internal sealed class FunctionsComposition : IAsyncDisposable
{
    public static readonly TimeSpan PaymentTimeout = TimeSpan.FromMinutes(7);

    /// <summary>The account in the CosmosDb setting; nothing answers there.</summary>
    public static readonly Uri Account = new("https://127.0.0.1:9/");

    private readonly string _folder = Directory.CreateTempSubdirectory("functions-tests-").FullName;

    /// <param name="output">Where the app's logs go.</param>
    /// <param name="overrides">Registrations that replace the app's own (a store that is reachable here, say).</param>
    public FunctionsComposition(ITestOutputHelper? output = null, Action<IServiceCollection>? overrides = null)
    {
        Configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["CosmosDb"] = $"AccountEndpoint={Account};AccountKey=a2V5;",
            ["CosmosDbName"] = "ordering-tests",
            ["Checkout:PaymentTimeout"] = PaymentTimeout.ToString(),
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging(logging =>
        {
            if (output is not null) logging.AddProvider(new TestOutputLoggerProvider(output));
        });
        services.AddOrderingOnCosmos(Configuration);
        services.Replace(ServiceDescriptor.Singleton<ISubscriptionDeadLetterStore>(_ => new SqliteSagaStore(Path.Combine(_folder, "sagas.db"))));
        overrides?.Invoke(services);
        Services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public IConfiguration Configuration { get; }

    public ServiceProvider Services { get; }

    /// <summary>A function class, activated from the container as the worker activates it for each invocation.</summary>
    public T Activate<T>() => ActivatorUtilities.CreateInstance<T>(Services);

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { /* the OS cleans temp */ }
    }
}
