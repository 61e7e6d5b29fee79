using System.Text;
using EventSourcing.Snapshots;
using EventSourcing.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using static EventSourcing.Tests.Support.Account;

namespace EventSourcing.Tests.Core;

public sealed class SnapshotTests : IAsyncDisposable
{
    private readonly AccountHarness _harness = new(durable: false);

    public ValueTask DisposeAsync() => _harness.DisposeAsync();

    [Fact]
    public async Task The_handler_snapshots_every_n_events_and_loading_starts_from_the_snapshot()
    {
        var stream = TestEvents.Stream("account");
        var handler = _harness.Handler(SnapshotEvery(5));

        for (var i = 1; i <= 12; i++) await handler.HandleAsync(stream, new Deposit(i));

        var snapshot = await _harness.Store.Snapshots.LoadAsync(stream);
        Assert.Equal(10, snapshot!.Version);
        Assert.Contains("\"balance\":55", Encoding.UTF8.GetString(snapshot.Data.Span), StringComparison.Ordinal);
        var loaded = await _harness.Load(stream, SnapshotEvery(5));
        Assert.Equal((78m, 12L), (loaded.State.Balance, loaded.Version));
    }

    [Fact]
    public async Task A_snapshot_of_an_older_schema_is_ignored_not_misread()
    {
        var stream = TestEvents.Stream("account");
        await _harness.Handler().HandleAsync(stream, new Deposit(7));
        // What an older build stored: another shape, which would misread as a balance of 0.
        await _harness.Store.Snapshots.SaveAsync(new Snapshot(stream, 1, "Account", 1, """{"amount":7}"""u8.ToArray(), DateTimeOffset.UtcNow));

        var loaded = await _harness.Load(stream, SnapshotEvery(5, schemaVersion: 2));

        Assert.Equal(7, loaded.State.Balance);
    }

    [Fact]
    public async Task A_snapshot_ahead_of_a_temporal_read_is_not_used()
    {
        var stream = TestEvents.Stream("account");
        var handler = _harness.Handler(SnapshotEvery(2));
        for (var i = 1; i <= 4; i++) await handler.HandleAsync(stream, new Deposit(i));

        var atThree = await _harness.Load(stream, SnapshotEvery(2), atVersion: 3);

        Assert.Equal((6m, 3L), (atThree.State.Balance, atThree.Version));
    }

    [Fact]
    public void Snapshots_never_change_the_state_for_random_command_sequences()
    {
        var amounts = Gen.Choose(-40, 60).Where(a => a != 0);
        var scenario = Gen.Zip(Gen.Choose(1, 7), amounts.ListOf().Where(l => l.Count <= 30));
        var property = Prop.ForAll(scenario.ToArbitrary(), s => SameStateWithAndWithoutSnapshots(s.Item1, [.. s.Item2]).GetAwaiter().GetResult());

        property.QuickCheckThrowOnFailure();
    }

    private async Task<bool> SameStateWithAndWithoutSnapshots(int every, int[] amounts)
    {
        var (plain, snapshotted) = (TestEvents.Stream("plain"), TestEvents.Stream("snap"));
        var options = SnapshotEvery(every);
        foreach (var amount in amounts)
        {
            Command command = amount > 0 ? new Deposit(amount) : new Withdraw(-amount);
            var outcomes = await Task.WhenAll(Run(_harness.Handler().HandleAsync(plain, command)), Run(_harness.Handler(options).HandleAsync(snapshotted, command)));
            if (outcomes[0] != outcomes[1]) return false;
        }

        var version = await _harness.Store.GetStreamVersionAsync(plain);
        for (var at = 0L; at <= version; at++)
        {
            var expected = await _harness.Load(plain, atVersion: at);
            var actual = await _harness.Load(snapshotted, options, atVersion: at);
            if (expected != actual) return false;
        }
        return (await _harness.Load(plain)) == (await _harness.Load(snapshotted, options));
    }

    private static async Task<bool> Run(Task task)
    {
        try { await task; return true; }
        catch (InsufficientFunds) { return false; }
    }
}
