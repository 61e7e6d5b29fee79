using System.Collections.Concurrent;
using EventSourcing.Deciders;
using EventSourcing.Hosting;
using EventSourcing.Sagas;
using EventSourcing.Store;
using EventSourcing.Subscriptions;
using EventSourcing.Tests.Projections;
using EventSourcing.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using static EventSourcing.Tests.Support.Account;

namespace EventSourcing.Tests.Hosting;

/// <summary>
/// A small domain composed from the building blocks only: accounts, their balances as a projection, a subscriber that
/// notes every deposit and starts a welcome-bonus saga on an account's first one, and the saga whose activity (built by
/// DI, with the aggregate store by constructor) pays the bonus.
/// </summary>
public static class ComposedBackend
{
    public static HostApplicationBuilder Builder(string dataDirectory, params (string Key, string? Value)[] settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection([new("Store:DataDirectory", dataDirectory), .. settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))]);
        return builder;
    }

    public static CommandHandler<Command, Event, State> Accounts(IServiceProvider services) =>
        new(services.GetRequiredService<AggregateStore>(), Account.Decider);

    /// <summary>Notes every deposit; the first one of an account starts its welcome bonus.</summary>
    public sealed class DepositWatcher(ISagaClient sagas) : IEventHandler
    {
        public ConcurrentQueue<string> Seen { get; } = new();

        public string Name => "deposit-watcher";

        public string? KeyOf(RecordedEvent recorded) => recorded.StreamId;

        public async Task HandleAsync(RecordedEvent recorded, CancellationToken cancellationToken)
        {
            if (recorded.Type != "MoneyDeposited") return;
            Seen.Enqueue($"{recorded.StreamId}@{recorded.StreamVersion}");
            if (recorded.StreamVersion == 2)
                await sagas.StartAsync(WelcomeBonus.Name, $"bonus-{recorded.StreamId}", recorded.StreamId, cancellationToken: cancellationToken);
        }
    }

    /// <summary>Pays 10 into the account, once however often the activity runs (its idempotency key is the account's).</summary>
    public sealed class WelcomeBonus(AggregateStore store) : ISagaDefinition
    {
        public const string Name = "welcome-bonus";

        public void Register(OrchestrationRegistry registry) => registry
            .AddOrchestrator<string, string>(Name, async (context, account) =>
            {
                await context.CallActivityAsync("PayBonus", account);
                return "paid";
            })
            .AddActivity<string>("PayBonus", async (account, ct) =>
                await new CommandHandler<Command, Event, State>(store, Account.Decider)
                    .HandleAsync(account, new Deposit(10), new CommandContext(IdempotencyKey: $"bonus:{account}"), ct));
    }

    public static EventSourcingBuilder AddAccounts(this EventSourcingBuilder builder) => builder
        .AddProjection<AccountBalances>()
        .AddSubscription<DepositWatcher>()
        .AddSaga<WelcomeBonus>();
}
