using BankAccounts.Statements;
using BankAccounts.Transfers;
using EventSourcing.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BankAccounts;

/// <summary>The bank domain as building blocks: whichever store the host chose, this adds the domain to it.</summary>
public static class BankAccountsComposition
{
    #region composition
    /// <summary>
    /// Adds the bank domain: its command handlers, the statement projection, the transfer saga with its activities, and
    /// the subscriber that starts a transfer's saga from the feed. Choose the store on <paramref name="builder"/> as well.
    /// </summary>
    public static EventSourcingBuilder AddBankAccounts(this EventSourcingBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton<BankHandlers>();
        builder.Services.TryAddSingleton<TransferActivities>();
        return builder
            .AddProjection<AccountStatementProjection>()
            .AddSaga<TransferSagaDefinition>()
            .AddSubscription<TransferTrigger>();
    }
    #endregion
}
