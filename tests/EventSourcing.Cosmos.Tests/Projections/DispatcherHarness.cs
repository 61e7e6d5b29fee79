using EventSourcing.Cosmos.Documents;
using EventSourcing.Cosmos.Projections;
using EventSourcing.Cosmos.Tests.Support;
using EventSourcing.Tests.Projections;

namespace EventSourcing.Cosmos.Tests.Projections;

/// <summary>The dispatcher over in-memory read models, keeping <see cref="AccountBalances"/>.</summary>
public sealed class DispatcherHarness
{
    public DispatcherHarness() =>
        Dispatcher = new ChangeFeedDispatcher(Commits.Serializer, [Balances], Storage, Storage,
            new ChangeFeedDispatcherOptions { ErrorDelay = TimeSpan.FromMilliseconds(1) });

    public InMemoryReadModels Storage { get; } = new();

    public AccountBalances Balances { get; } = new();

    public ChangeFeedDispatcher Dispatcher { get; }

    public Task Deliver(params CommitDocument[] documents) => Dispatcher.DispatchAsync(documents, TestContext.Current.CancellationToken);

    public AccountBalance? Balance(string stream) =>
        Storage.Document(AccountBalances.ProjectionName, stream)?.Json is { } json
            ? System.Text.Json.JsonSerializer.Deserialize<AccountBalance>(json, Commits.Serializer.Options)
            : null;

    public long? AppliedVersion(string stream) =>
        Storage.Document(AccountBalances.ProjectionName, stream)?.Versions.GetValueOrDefault(stream);
}
