using BankAccounts.Tests.Http;
using BankAccounts.Tests.Support;
using Ordering.LocalHost.Tests.Process;

namespace BankAccounts.Tests.Process;

/// <summary>What the README promises: <c>dotnet run</c> gives a working backend on SQLite that keeps its data.</summary>
public sealed class DotnetRunTests
{
    private const string BankHost = "samples/BankAccounts/BankAccounts.LocalHost";

    [Fact]
    public async Task The_host_started_with_dotnet_run_carries_out_a_transfer_and_keeps_it_across_a_kill_and_restart()
    {
        using var data = new TempDirectory();
        string alice;
        await using (var host = await LocalHostProcess.StartAsync(data.Path, TestContext.Current.CancellationToken, project: BankHost))
        {
            using var client = new HttpClient { BaseAddress = host.BaseAddress };
            alice = await client.OpenAsync("Alice", deposit: 100);
            var bob = await client.OpenAsync("Bob");
            var accepted = await client.Post("/api/transfers", new { fromAccountId = alice, toAccountId = bob, amount = 30, currency = "EUR" });
            var transfer = await client.WaitForAsync((string)(await accepted.Json())["statusUrl"]!, t => (string)t["status"]! != "Requested");
            Assert.Equal("Completed", (string)transfer["status"]!);
            await host.KillAsync();
        }

        await using var restarted = await LocalHostProcess.StartAsync(data.Path, TestContext.Current.CancellationToken, project: BankHost);
        using var again = new HttpClient { BaseAddress = restarted.BaseAddress };
        var statement = await again.WaitForAsync($"/api/accounts/{alice}", s => (long)s["version"]! >= 4);
        Assert.Equal(70m, (decimal)statement["balance"]!);
    }
}
