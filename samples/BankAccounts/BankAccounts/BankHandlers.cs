using BankAccounts.Accounts;
using BankAccounts.Transfers;
using EventSourcing.Deciders;

namespace BankAccounts;

#region handlers
/// <summary>The core's one generic command handler, closed over each bank decider.</summary>
public sealed class BankHandlers(AggregateStore store)
{
    public CommandHandler<AccountCommand, AccountEvent, AccountState> Accounts { get; } = new(store, AccountDecider.Decider);

    public CommandHandler<TransferCommand, TransferEvent, TransferState> Transfers { get; } = new(store, TransferDecider.Decider);

    public AggregateStore Store => store;
}
#endregion
