using EventSourcing.Deciders;
using EventSourcing.Hosting;
using EventSourcing.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace EventSourcing.Tests.Hosting;

/// <summary>A host has exactly one store: none, or two, fails clearly, naming the methods to call.</summary>
public sealed class StoreChoiceTests : IDisposable
{
    private readonly TempDirectory _data = new();

    [Fact]
    public async Task A_host_without_a_store_fails_to_start_naming_the_Use_methods()
    {
        var builder = ComposedBackend.Builder(_data.Path);
        builder.Services.AddEventSourcing(builder.Configuration, Account.Types()).AddAccounts();
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync(TestContext.Current.CancellationToken));
        Assert.Contains("UseSqlite()", error.Message, StringComparison.Ordinal);
        Assert.Contains("UseCosmos()", error.Message, StringComparison.Ordinal);
        // Asked for directly, the aggregate store says the same rather than DI's "no service registered".
        Assert.Equal(error.Message, Assert.Throws<InvalidOperationException>(() => host.Services.GetRequiredService<AggregateStore>()).Message);
    }

    [Fact]
    public void Choosing_a_second_store_fails_at_once_naming_both()
    {
        var builder = ComposedBackend.Builder(_data.Path);
        var events = builder.Services.AddEventSourcing(builder.Configuration, Account.Types()).UseSqlite();

        var error = Assert.Throws<InvalidOperationException>(() => events.UseSqlite());
        Assert.Contains("UseSqlite() was called after UseSqlite()", error.Message, StringComparison.Ordinal);
        Assert.Equal("UseSqlite", events.Store);
    }

    public void Dispose() => _data.Dispose();
}
