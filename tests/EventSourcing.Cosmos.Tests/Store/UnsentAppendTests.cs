using EventSourcing.Cosmos.Resilience;
using EventSourcing.Cosmos.Setup;
using EventSourcing.Cosmos.Store;
using EventSourcing.Store;
using EventSourcing.Tests.Support;
using Microsoft.Azure.Cosmos;

namespace EventSourcing.Cosmos.Tests.Store;

/// <summary>
/// Appends that cannot succeed fail with a typed error before the store sends anything. The client points at a port
/// nothing listens on, so any request would fail with a connection error instead of the error asserted here.
/// </summary>
public sealed class UnsentAppendTests : IDisposable
{
    private readonly CosmosClient _client = CosmosClients.FromConnectionString(
        $"AccountEndpoint=https://127.0.0.1:9/;AccountKey={Convert.ToBase64String(new byte[64])};",
        Unpatient(CosmosClients.Options()));

    private CosmosEventStore Store(AppendLimits? limits = null) => new(_client.GetContainer("db", "events"), new CosmosEventStoreOptions
    {
        Limits = limits ?? AppendLimits.Default,
        Retry = new CosmosRetryOptions { MaxRetries = 0 },
    });

    [Fact]
    public async Task An_append_too_big_for_one_transactional_batch_is_refused_before_anything_is_sent()
    {
        EventData[] events = [.. Enumerable.Range(0, 3).Select(_ => TestEvents.New(json: $"\"{new string('x', 800_000)}\""))];

        var error = await Assert.ThrowsAsync<AppendTooLargeException>(() =>
            Store(new AppendLimits(MaxBytesPerAppend: 10_000_000)).AppendAsync("order-1", ExpectedVersion.Any, events, TestContext.Current.CancellationToken));

        Assert.True(error.Bytes > CosmosLimits.MaxBatchBytes);
    }

    [Fact]
    public async Task More_events_than_an_append_may_hold_are_refused_before_anything_is_sent()
    {
        var events = TestEvents.Many(AppendLimits.Default.MaxEventsPerAppend + 1);

        var error = await Assert.ThrowsAsync<AppendTooLargeException>(() =>
            Store().AppendAsync("order-1", ExpectedVersion.Any, events, TestContext.Current.CancellationToken));

        Assert.Equal(AppendLimits.Default.MaxEventsPerAppend + 1, error.EventCount);
    }

    [Fact]
    public async Task Invalid_input_is_refused_before_anything_is_sent()
    {
        await Assert.ThrowsAsync<InvalidStreamIdException>(() => Store().AppendAsync("", ExpectedVersion.Any, TestEvents.Many(1), TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<ArgumentException>(() => Store().AppendAsync("order-1", ExpectedVersion.Any, [], TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Without_a_reachable_service_an_append_fails_rather_than_pretending_to_succeed()
    {
        // The control for the tests above: a valid append does try to reach the service, and fails.
        var error = await Record.ExceptionAsync(() => Store().AppendAsync("order-1", ExpectedVersion.Any, TestEvents.Many(1), TestContext.Current.CancellationToken));

        Assert.NotNull(error);
        Assert.IsNotType<AppendTooLargeException>(error);
    }

    public void Dispose() => _client.Dispose();

    private static CosmosClientOptions Unpatient(CosmosClientOptions options)
    {
        options.RequestTimeout = TimeSpan.FromSeconds(1);
        options.MaxRetryAttemptsOnRateLimitedRequests = 0;
        return options;
    }
}
