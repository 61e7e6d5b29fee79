using EventSourcing.Hosting;
using EventSourcing.Projections;
using EventSourcing.Sagas;
using EventSourcing.Tests.Projections;
using EventSourcing.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using static EventSourcing.Tests.Support.Account;

namespace EventSourcing.Tests.Hosting;

/// <summary>A backend composed from AddEventSourcing().UseSqlite() and the Add methods runs, in a real host, on SQLite files.</summary>
public sealed class SqliteCompositionTests : IDisposable
{
    private readonly TempDirectory _data = new();

    [Fact]
    public async Task A_composed_SQLite_backend_appends_projects_and_runs_its_subscription_and_saga()
    {
        var builder = ComposedBackend.Builder(_data.Path);
        builder.Services.AddEventSourcing(builder.Configuration, Account.Types()).UseSqlite().AddAccounts();
        using var host = builder.Build();
        await host.StartAsync(TestContext.Current.CancellationToken);
        var accounts = ComposedBackend.Accounts(host.Services);
        var account = TestEvents.Stream("account");

        await accounts.HandleAsync(account, [new Open("ada"), new Deposit(100)], cancellationToken: TestContext.Current.CancellationToken);

        // The subscriber saw the deposit and started the saga, whose DI-built activity paid the bonus, which the projection shows.
        var sagas = host.Services.GetRequiredService<ISagaClient>();
        var bonus = await Eventually(() => sagas.GetAsync($"bonus-{account}", TestContext.Current.CancellationToken), s => s?.Status == SagaStatus.Completed);
        Assert.Equal(SagaStatus.Completed, bonus!.Status);
        var runtime = host.Services.GetRequiredService<IProjectionRuntime>();
        await runtime.CatchUpAsync(TestContext.Current.CancellationToken);
        var balance = await host.Services.GetRequiredService<IReadModelStore>()
            .GetAsync<AccountBalance>(AccountBalances.ProjectionName, account, TestContext.Current.CancellationToken);
        Assert.Equal(110m, balance!.Balance);
        var watcher = host.Services.GetRequiredService<ComposedBackend.DepositWatcher>();
        await Eventually(() => Task.FromResult(watcher.Seen.Count), n => n == 2);
        Assert.Equal([$"{account}@2", $"{account}@3"], watcher.Seen.Order(StringComparer.Ordinal));

        await host.StopAsync(TestContext.Current.CancellationToken);
        Assert.Equal(["events.db", "readmodels.db", "sagas.db"],
            Directory.GetFiles(_data.Path, "*.db").Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task UseSqlite_keeps_its_files_where_Store_DataDirectory_says_unless_the_options_say_otherwise()
    {
        var configured = Path.Combine(_data.Path, "configured");
        var chosen = Path.Combine(_data.Path, "chosen");
        foreach (var (configure, expected) in new (Action<SqliteStorageOptions>?, string)[] { (null, configured), (o => o.DataDirectory = chosen, chosen) })
        {
            var builder = ComposedBackend.Builder(configured);
            builder.Services.AddEventSourcing(builder.Configuration, Account.Types()).UseSqlite(configure);
            using var host = builder.Build();
            await ComposedBackend.Accounts(host.Services).HandleAsync(TestEvents.Stream("account"), new Open("ada"), cancellationToken: TestContext.Current.CancellationToken);
            Assert.True(File.Exists(Path.Combine(expected, "events.db")), $"no events.db in {expected}");
        }
    }

    private static async Task<T> Eventually<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30); // only ends a failing wait
        while (true)
        {
            var value = await read();
            if (done(value)) return value;
            Assert.True(DateTime.UtcNow < deadline, $"still {value} after 30 s");
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }

    public void Dispose() => _data.Dispose();
}
