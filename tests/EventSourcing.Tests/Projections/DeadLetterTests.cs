using EventSourcing.Projections;
using static EventSourcing.Tests.Support.Account;

namespace EventSourcing.Tests.Projections;

public sealed class DeadLetterTests : IAsyncDisposable
{
    private readonly ProjectionHarness _harness = new();

    public ValueTask DisposeAsync() => _harness.DisposeAsync();

    [Fact]
    public async Task A_poison_event_is_parked_and_later_events_of_its_stream_wait_behind_it_while_other_streams_go_on()
    {
        _harness.Balances.FailWhen = e => e.StreamId == "account-x" && e.StreamVersion == 2;

        await GivenTwoAccountsWithAPoisonDeposit();

        Assert.Equal(0, (await _harness.Balance("account-x"))!.Balance);
        Assert.Equal(5, (await _harness.Balance("account-y"))!.Balance);
        var letters = await _harness.Runner.GetDeadLettersAsync(AccountBalances.ProjectionName);
        Assert.Equal([3L, 5L], letters.Select(l => l.Position));
        Assert.Contains("Cannot project MoneyDeposited at position 3", letters[0].Error, StringComparison.Ordinal);
        Assert.Equal(1, letters[0].Attempts);
        Assert.Equal("Waiting behind parked event at position 3.", letters[1].Error);
        var status = await _harness.Status();
        Assert.Equal((2, 0L, 5L), (status.DeadLetters, status.Lag, status.Checkpoint));
    }

    [Fact]
    public async Task A_retry_that_fails_again_counts_the_attempt_and_keeps_the_stream_in_order()
    {
        _harness.Balances.FailWhen = e => e.StreamId == "account-x" && e.StreamVersion == 2;
        await GivenTwoAccountsWithAPoisonDeposit();

        var result = await _harness.Runner.RetryDeadLettersAsync(AccountBalances.ProjectionName);

        Assert.Equal(new DeadLetterRetryResult(0, 2), result);
        var letters = await _harness.Runner.GetDeadLettersAsync(AccountBalances.ProjectionName);
        Assert.Equal([2, 0], letters.Select(l => l.Attempts));
        Assert.Equal(0, (await _harness.Balance("account-x"))!.Balance);
    }

    [Fact]
    public async Task After_the_fault_is_fixed_a_retry_applies_the_parked_events_in_order_and_empties_the_dead_letters()
    {
        _harness.Balances.FailWhen = e => e.StreamId == "account-x" && e.StreamVersion == 2;
        await GivenTwoAccountsWithAPoisonDeposit();

        _harness.Balances.FailWhen = null;
        var result = await _harness.Runner.RetryDeadLettersAsync(AccountBalances.ProjectionName);

        Assert.Equal(new DeadLetterRetryResult(2, 0), result);
        Assert.Equal(new AccountBalance("account-x", "xavier", 30, 2, "Basic", "v1", 3), await _harness.Balance("account-x"));
        Assert.Empty(await _harness.Runner.GetDeadLettersAsync(AccountBalances.ProjectionName));
        Assert.Equal(0, (await _harness.Status()).DeadLetters);
        // and the stream flows normally again
        await _harness.Append("account-x", new Deposited(1));
        await _harness.Runner.CatchUpAsync();
        Assert.Equal(31, (await _harness.Balance("account-x"))!.Balance);
    }

    [Fact]
    public async Task Dead_letters_and_parked_streams_survive_a_restart()
    {
        _harness.Balances.FailWhen = e => e.StreamId == "account-x" && e.StreamVersion == 2;
        await GivenTwoAccountsWithAPoisonDeposit();

        _harness.Restart();
        await _harness.Append("account-x", new Deposited(1));
        await _harness.Runner.CatchUpAsync();

        Assert.Equal(3, (await _harness.Status()).DeadLetters);
        _harness.Balances.FailWhen = null;
        await _harness.Runner.RetryDeadLettersAsync(AccountBalances.ProjectionName);
        Assert.Equal(31, (await _harness.Balance("account-x"))!.Balance);
    }

    [Fact]
    public async Task Parked_events_delivered_again_stay_parked_as_they_were()
    {
        _harness.Balances.FailWhen = e => e.StreamId == "account-x" && e.StreamVersion == 2;
        await GivenTwoAccountsWithAPoisonDeposit();
        var before = await _harness.Runner.GetDeadLettersAsync(AccountBalances.ProjectionName);

        _harness.Sql("UPDATE generations SET checkpoint = 0");
        _harness.Restart();
        await _harness.Runner.CatchUpAsync();

        var after = await _harness.Runner.GetDeadLettersAsync(AccountBalances.ProjectionName);
        Assert.Equal(before.Select(l => (l.Position, l.Error, l.Attempts)), after.Select(l => (l.Position, l.Error, l.Attempts)));
        Assert.Equal(5, (await _harness.Balance("account-y"))!.Balance);
    }

    [Fact]
    public async Task Retrying_an_unknown_projection_is_a_typed_error()
    {
        await Assert.ThrowsAsync<UnknownProjectionException>(() => _harness.Runner.RetryDeadLettersAsync("no-such-projection"));
    }

    private async Task GivenTwoAccountsWithAPoisonDeposit()
    {
        await _harness.Append("account-x", new Opened("xavier"));   // 1
        await _harness.Append("account-y", new Opened("yves"));     // 2
        await _harness.Append("account-x", new Deposited(10));      // 3: poison
        await _harness.Append("account-y", new Deposited(5));       // 4
        await _harness.Append("account-x", new Deposited(20));      // 5: waits behind 3
        await _harness.Runner.CatchUpAsync();
    }
}
