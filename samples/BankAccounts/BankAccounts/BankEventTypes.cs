using BankAccounts.Accounts;
using BankAccounts.Transfers;
using EventSourcing.Serialization;

namespace BankAccounts;

#region event-types
/// <summary>
/// The stored names and schema versions of every bank event. Stored names are part of the data: renaming a class
/// must not rename what is already in the store, so they are declared here, never derived from the type.
/// </summary>
public static class BankEventTypes
{
    public static EventTypeMap Create() => new EventTypeMap()
        .Register<AccountOpened>("bank.AccountOpened")
        .Register<MoneyDeposited>("bank.MoneyDeposited")
        .Register<MoneyWithdrawn>("bank.MoneyWithdrawn")
        .Register<TransferDebited>("bank.TransferDebited")
        .Register<TransferCredited>("bank.TransferCredited")
        .Register<TransferRefunded>("bank.TransferRefunded")
        .Register<TransferSettled>("bank.TransferSettled")
        .Register<AccountClosed>("bank.AccountClosed")
        .Register<TransferRequested>("bank.TransferRequested")
        .Register<TransferCompleted>("bank.TransferCompleted")
        .Register<TransferFailed>("bank.TransferFailed");
}
#endregion
