using EventSourcing.Cosmos.Documents;
using EventSourcing.Cosmos.Projections;
using EventSourcing.Cosmos.Tests.Support;
using EventSourcing.Tests.Projections;
using static EventSourcing.Tests.Support.Account;

namespace EventSourcing.Cosmos.Tests.Projections;

/// <summary>Several processor instances (or a redelivery racing the first delivery) on one read-model store.</summary>
public sealed class ConcurrentDispatchTests
{
    [Fact]
    public async Task Instances_delivering_overlapping_batches_at_once_apply_every_event_exactly_once()
    {
        var storage = new InMemoryReadModels { LoadLatency = TimeSpan.FromMilliseconds(2) };
        var options = new ChangeFeedDispatcherOptions { ErrorDelay = TimeSpan.FromMilliseconds(1), ConflictRoundsBeforePause = 1000 };
        var instances = Enumerable.Range(0, 4).Select(_ => new ChangeFeedDispatcher(Commits.Serializer, [new AccountBalances()], storage, storage, options)).ToList();
        var commits = new List<CommitDocument> { Commits.Of("account-1", 0, new Opened("alice")) };
        commits.AddRange(Enumerable.Range(1, 40).Select(v => Commits.Of("account-1", v, new Deposited(v))));

        // The change feed keeps a stream's order within each delivery, but a lease taken over (or a batch redelivered)
        // means several instances apply the same events at the same time, each cut into batches of its own.
        await Task.WhenAll(instances.Select((dispatcher, i) => Task.Run(async () =>
        {
            foreach (var batch in commits.Chunk(i + 2))
                await dispatcher.DispatchAsync(batch, TestContext.Current.CancellationToken);
        }, TestContext.Current.CancellationToken)));

        var document = storage.Document(AccountBalances.ProjectionName, "account-1")!;
        var balance = System.Text.Json.JsonSerializer.Deserialize<AccountBalance>(document.Json!, Commits.Serializer.Options)!;
        Assert.Equal((820m, 40, 41L), (balance.Balance, balance.Transactions, document.Versions["account-1"]));
        Assert.Empty(storage.Letters);
    }
}
