using EventSourcing.Projections;
using EventSourcing.Store;
using static EventSourcing.Tests.Support.Account;

namespace EventSourcing.Tests.Projections;

public sealed record AccountBalance(string Id, string Owner, decimal Balance, int Transactions, string Tier, string Label, long Version);

/// <summary>A read model per account, with knobs tests turn: a fault to inject and a label that marks which code built a document.</summary>
public sealed class AccountBalances : Projection<AccountBalance>
{
    public const string ProjectionName = "account-balances";

    public override string Name => ProjectionName;

    public override IReadOnlyList<string> IndexedProperties { get; } = ["owner", "tier"];

    /// <summary>When it returns true for an event, applying that event throws.</summary>
    public Func<RecordedEvent, bool>? FailWhen { get; set; }

    public string Label { get; set; } = "v1";

    public int Applied { get; private set; }

    public override string? KeyOf(object domainEvent, RecordedEvent recorded) => domainEvent is Event ? recorded.StreamId : null;

    public override AccountBalance? Apply(AccountBalance? current, object domainEvent, RecordedEvent recorded)
    {
        if (FailWhen?.Invoke(recorded) == true)
            throw new InvalidOperationException($"Cannot project {recorded.Type} at position {recorded.Position}.");
        Applied++;
        var account = current ?? new AccountBalance(recorded.StreamId, "", 0, 0, "Basic", Label, 0);
        account = domainEvent switch
        {
            Opened o => account with { Owner = o.Owner },
            Deposited d => account with { Balance = account.Balance + d.Amount, Transactions = account.Transactions + 1 },
            Withdrawn w => account with { Balance = account.Balance - w.Amount, Transactions = account.Transactions + 1 },
            _ => account,
        };
        if (domainEvent is Withdrawn && account.Balance == 0) return null; // an emptied account leaves the read model
        return account with { Tier = account.Balance >= 100 ? "Gold" : "Basic", Label = Label, Version = recorded.StreamVersion };
    }
}
