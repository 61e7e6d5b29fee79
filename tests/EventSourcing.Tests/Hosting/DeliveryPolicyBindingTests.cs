using EventSourcing.Hosting;
using EventSourcing.Subscriptions;
using EventSourcing.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace EventSourcing.Tests.Hosting;

/// <summary>The subscriptions' delivery policy comes from the Subscriptions:* settings, on the host's clock.</summary>
public sealed class DeliveryPolicyBindingTests : IDisposable
{
    private readonly TempDirectory _data = new();

    [Fact]
    public void Subscriptions_settings_set_the_delivery_policy_and_the_host_clock_drives_it()
    {
        var clock = new FakeTimeProvider();
        var builder = ComposedBackend.Builder(_data.Path,
            ("Subscriptions:MaxAttempts", "3"), ("Subscriptions:RetryDelay", "00:00:02"), ("Subscriptions:MaxRetryDelay", "00:01:00"));
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Services.AddEventSourcing(builder.Configuration, Account.Types()).UseSqlite();
        using var host = builder.Build();

        var policy = host.Services.GetRequiredService<DeliveryPolicy>();
        Assert.Equal(3, policy.MaxAttempts);
        Assert.Equal(new(TimeSpan.FromSeconds(2), TimeSpan.FromMinutes(1)), policy.Backoff);
        Assert.Same(clock, policy.TimeProvider);
        Assert.Same(clock, host.Services.GetRequiredService<TimeProvider>());
    }

    [Fact]
    public void Without_settings_the_policy_is_the_default_one()
    {
        var builder = ComposedBackend.Builder(_data.Path);
        builder.Services.AddEventSourcing(builder.Configuration, Account.Types()).UseSqlite();
        using var host = builder.Build();

        Assert.Equal(new DeliveryPolicy() with { TimeProvider = TimeProvider.System }, host.Services.GetRequiredService<DeliveryPolicy>());
    }

    [Fact]
    public void A_malformed_setting_fails_naming_the_key()
    {
        var builder = ComposedBackend.Builder(_data.Path, ("Subscriptions:RetryDelay", "soon"));
        var error = Assert.Throws<InvalidOperationException>(() => builder.Services.AddEventSourcing(builder.Configuration, Account.Types()));
        Assert.Contains("Subscriptions:RetryDelay", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _data.Dispose();
}
