using System.Text.Json;
using EventSourcing.Cosmos.Documents;
using EventSourcing.Cosmos.Projections;
using EventSourcing.Cosmos.Tests.Support;
using EventSourcing.Projections;
using EventSourcing.Store;
using EventSourcing.Tests.Support;

namespace EventSourcing.Cosmos.Tests.Projections;

/// <summary>
/// A document fed by thousands of streams through the change-feed dispatcher stays bounded, and a redelivery never
/// applies twice: remembered streams are turned away by version, forgotten ones (whose redelivery Cosmos cannot tell
/// from a late first delivery) are not applied, and hold nothing back.
/// </summary>
public sealed class BoundedDocumentTests
{
    private const int Streams = 3 * StreamVersions.Limit;
    private readonly InMemoryReadModels _storage = new();
    private readonly ChangeFeedDispatcher _dispatcher;

    public BoundedDocumentTests() =>
        _dispatcher = new ChangeFeedDispatcher(Commits.Serializer, [new DepositTotals()], _storage, _storage,
            new ChangeFeedDispatcherOptions { ErrorDelay = TimeSpan.FromMilliseconds(1) });

    [Fact]
    public async Task Thousands_of_streams_into_one_document_keep_it_bounded_and_its_total_exact_through_a_full_redelivery()
    {
        var commits = Enumerable.Range(0, Streams).Select(i => Deposit($"acct-{i}", after: 0, seconds: i)).ToList();
        foreach (var batch in commits.Chunk(100)) await Deliver(batch);

        foreach (var batch in commits.Chunk(100)) await Deliver(batch); // the whole feed again, as after a lost lease

        var document = _storage.Document(DepositTotals.ProjectionName, DepositTotals.Key)!;
        Assert.Equal(new Totals(Streams, Streams), JsonSerializer.Deserialize<Totals>(document.Json!, Commits.Serializer.Options));
        Assert.InRange(StreamVersions.Remembered(document.Versions), 1, StreamVersions.Limit);
        Assert.InRange(JsonSerializer.SerializeToUtf8Bytes(document.Versions).Length, 1, 128 * 1024);
        Assert.Empty(_storage.Letters);
    }

    [Fact]
    public async Task A_forgotten_stream_s_next_event_is_applied_after_a_redelivery_of_its_old_one_was_turned_away()
    {
        var commits = Enumerable.Range(0, Streams).Select(i => Deposit($"acct-{i}", after: 0, seconds: i)).ToList();
        foreach (var batch in commits.Chunk(100)) await Deliver(batch);
        await Deliver(commits[0]); // redelivered: acct-0 is long forgotten

        await Deliver(Deposit("acct-0", after: 1, seconds: Streams + 1));

        var document = _storage.Document(DepositTotals.ProjectionName, DepositTotals.Key)!;
        Assert.Equal(new Totals(Streams + 1, Streams + 1), JsonSerializer.Deserialize<Totals>(document.Json!, Commits.Serializer.Options));
        Assert.Empty(_storage.Letters);
    }

    private Task Deliver(params CommitDocument[] commits) => _dispatcher.DispatchAsync(commits, TestContext.Current.CancellationToken);

    private static CommitDocument Deposit(string stream, long after, int seconds) =>
        DocumentMapper.ToCommit(stream, after + 1, Commits.At.AddSeconds(seconds),
            [Commits.Serializer.Serialize(new Account.Deposited(1), Guid.NewGuid(), EventMetadata.Empty)]);

    private sealed record Totals(decimal Sum, int Deposits);

    /// <summary>One document fed by every account stream.</summary>
    private sealed class DepositTotals : Projection<Totals>
    {
        public const string ProjectionName = "deposit-totals";
        public const string Key = "all";

        public override string Name => ProjectionName;

        public override string? KeyOf(object domainEvent, RecordedEvent recorded) => domainEvent is Account.Deposited ? Key : null;

        public override Totals? Apply(Totals? current, object domainEvent, RecordedEvent recorded) =>
            domainEvent is Account.Deposited d ? new Totals((current?.Sum ?? 0) + d.Amount, (current?.Deposits ?? 0) + 1) : current;
    }
}
