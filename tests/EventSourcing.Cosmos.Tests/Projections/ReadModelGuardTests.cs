using EventSourcing.Cosmos.Projections;
using EventSourcing.Cosmos.Tests.Support;
using EventSourcing.Projections;
using EventSourcing.Store;
using EventSourcing.Tests.Projections;
using static EventSourcing.Tests.Support.Account;

namespace EventSourcing.Cosmos.Tests.Projections;

/// <summary>The write guard of change-feed read models: per stream, the last version applied; nothing older is applied again.</summary>
public sealed class ReadModelGuardTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);
    private readonly AccountBalances _balances = new();

    [Fact]
    public void A_new_document_gets_every_event_in_order_and_remembers_the_last_version()
    {
        var outcome = Apply(_balances, null, Events("account-1", 0, new Opened("alice"), new Deposited(10), new Deposited(5)));

        Assert.Equal((null, null), (outcome.FailedAt, outcome.Error));
        Assert.Equal(3, outcome.Next!.Versions["account-1"]);
        Assert.Contains("\"balance\":15", outcome.Next.Json, StringComparison.Ordinal);
        Assert.Equal(Now, outcome.Next.UpdatedAt);
    }

    [Fact]
    public void Events_at_or_below_the_applied_version_change_nothing_so_a_redelivery_writes_nothing()
    {
        var applied = Apply(_balances, null, Events("account-1", 0, new Opened("alice"), new Deposited(10))).Next;

        var again = Apply(_balances, applied, Events("account-1", 0, new Opened("alice"), new Deposited(10)));
        var older = Apply(_balances, applied, Events("account-1", 1, new Deposited(10)));

        Assert.Null(again.Next);
        Assert.Null(older.Next);
        Assert.Equal(2, _balances.Applied);
    }

    [Fact]
    public void A_batch_overlapping_what_is_applied_applies_only_the_newer_events()
    {
        var applied = Apply(_balances, null, Events("account-1", 0, new Opened("alice"), new Deposited(10))).Next;

        var next = Apply(_balances, applied, Events("account-1", 1, new Deposited(10), new Deposited(7))).Next!;

        Assert.Equal(3, next.Versions["account-1"]);
        Assert.Contains("\"balance\":17", next.Json, StringComparison.Ordinal);
    }

    [Fact]
    public void A_document_fed_by_several_streams_tracks_each_stream_s_version_on_its_own()
    {
        var counter = new EventCounter();
        var first = Apply(counter, null, Events("account-1", 0, new Opened("alice"), new Deposited(1))).Next;

        var second = Apply(counter, first, Events("account-2", 0, new Opened("bob"))).Next!;
        var replay = Apply(counter, second, Events("account-1", 1, new Deposited(1)));

        // (Besides each stream's version, the map holds its mark, under keys no stream id can have: see StreamVersions.)
        Assert.Equal(new Dictionary<string, long> { ["account-1"] = 2, ["account-2"] = 1 }, second.Versions.Where(v => !v.Key.StartsWith('#')).ToDictionary());
        Assert.Equal("""{"events":3}""", second.Json);
        Assert.Null(replay.Next);
    }

    [Fact]
    public void When_projection_code_fails_the_events_before_it_are_kept_and_the_failing_one_is_named()
    {
        _balances.FailWhen = e => e.StreamVersion == 3;

        var outcome = Apply(_balances, null, Events("account-1", 0, new Opened("alice"), new Deposited(10), new Deposited(5), new Deposited(1)));

        Assert.Equal(2, outcome.FailedAt);
        Assert.Equal(2, outcome.Next!.Versions["account-1"]);
        Assert.Contains("InvalidOperationException: Cannot project", outcome.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", outcome.Error, StringComparison.Ordinal); // the stack trace is for the log
        Assert.NotNull(outcome.Failure!.StackTrace);
    }

    [Fact]
    public void A_failure_on_the_first_new_event_leaves_nothing_to_write()
    {
        _balances.FailWhen = _ => true;

        var outcome = Apply(_balances, null, Events("account-1", 0, new Opened("alice")));

        Assert.Equal((null, 0), (outcome.Next, outcome.FailedAt));
    }

    [Fact]
    public void A_document_reflects_a_version_once_that_version_or_a_later_one_of_its_stream_is_applied()
    {
        var document = new StoredDocument("k", "{}", new Dictionary<string, long> { ["account-1"] = 4 }, Now);

        Assert.True(ReadModelGuard.IsApplied(document, "account-1", 4));
        Assert.True(ReadModelGuard.IsApplied(document, "account-1", 2));
        Assert.False(ReadModelGuard.IsApplied(document, "account-1", 5));
        Assert.False(ReadModelGuard.IsApplied(document, "account-2", 1));
        Assert.False(ReadModelGuard.IsApplied(null, "account-1", 1));
    }

    private static ReadModelGuard.Outcome Apply(IProjection projection, StoredDocument? current, List<(RecordedEvent, object)> run) =>
        ReadModelGuard.Apply(projection, "k", current, run, Commits.Serializer.Options, Now);

    private static List<(RecordedEvent, object)> Events(string stream, long after, params Event[] events) =>
        [.. EventSourcing.Cosmos.Documents.DocumentMapper.ToRecorded(Commits.Of(stream, after, events)).Select(r => (r, Commits.Serializer.Deserialize(r)))];

    private sealed record Count(int Events);

    /// <summary>One document counting the events of every stream.</summary>
    private sealed class EventCounter : Projection<Count>
    {
        public override string Name => "event-count";

        public override string? KeyOf(object domainEvent, RecordedEvent recorded) => "all";

        public override Count? Apply(Count? current, object domainEvent, RecordedEvent recorded) => new((current?.Events ?? 0) + 1);
    }
}
