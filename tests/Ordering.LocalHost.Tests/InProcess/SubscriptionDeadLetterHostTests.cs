using System.Net;
using System.Text;
using EventSourcing.Sagas;
using EventSourcing.Sagas.Embedded;
using EventSourcing.Sqlite;
using EventSourcing.Store;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Ordering.Checkout;
using Ordering.LocalHost.Tests.Support;

namespace Ordering.LocalHost.Tests.InProcess;

/// <summary>
/// Poison events on the checkout trigger's subscription, as an operator meets them: one bad event no longer stalls
/// every checkout; it is parked with its error (and what follows for its order behind it), shown under
/// /api/subscriptions/{name}/deadletters, and handed over again by the retry.
/// </summary>
public sealed class SubscriptionDeadLetterHostTests : IAsyncDisposable
{
    private const string DeadLetters = $"/api/subscriptions/{CheckoutTrigger.SubscriptionName}/deadletters";

    private readonly InProcessApi _api = new();
    private readonly FailingSagaStarts _starts = new();
    private readonly WebApplicationFactory<Program> _host;
    private readonly HttpClient _client;
    private readonly CheckoutDriver _checkout;

    public SubscriptionDeadLetterHostTests()
    {
        _api.Settings["Subscriptions:MaxAttempts"] = "3";
        _api.Settings["Subscriptions:RetryDelay"] = "00:00:00.010";
        _api.Settings["Subscriptions:MaxRetryDelay"] = "00:00:00.010";
        // The saga runner, as the trigger reaches it, fails to start the checkouts a test says, as a store out of reach would.
        _host = _api.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.Replace(ServiceDescriptor.Singleton<ISagaClient>(sp =>
        {
            _starts.Inner = sp.GetRequiredService<EmbeddedSagaRunner>();
            return _starts;
        }))));
        _client = _host.CreateClient();
        _checkout = new CheckoutDriver(_client);
    }

    [Fact]
    public async Task An_unreadable_checkout_request_is_parked_where_operators_see_it_and_later_checkouts_still_start()
    {
        var sku = await _checkout.GivenStock(5);
        var unreadable = $"unreadable-{Guid.NewGuid():N}";
        // What a broken writer (or a bad migration) could leave: a CheckoutRequested whose lines are not lines.
        await AppendRawAsync($"order-{unreadable}", "CheckoutRequested", """{"orderId":"x","customerId":"c","lines":"not lines","total":"much"}""");
        var later = await _checkout.GivenOrder((sku, 1));

        await _checkout.CheckoutAwaitingPayment(later);
        var parked = await ParkedAsync(1);
        var retry = await _client.Post($"{DeadLetters}/retry");
        var afterRetry = (await (await _client.Get(DeadLetters)).Json()).AsArray();

        var letter = parked.Single()!;
        Assert.Equal(CheckoutTrigger.SubscriptionName, letter.Value<string>("subscription"));
        Assert.Equal($"order-{unreadable}", letter.Value<string>("event.streamId"));
        Assert.Equal(unreadable, letter.Value<string>("key"));
        Assert.StartsWith("EventSourcing.Subscriptions.PoisonEventException: CheckoutRequested", letter.Value<string>("error"), StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", letter.Value<string>("error"), StringComparison.Ordinal);
        Assert.Equal(1, letter.Value<int>("attempts")); // unreadable: not worth more tries
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal((0, 1), ((await retry.Json()).Value<int>("applied"), (await retry.Json()).Value<int>("stillParked")));
        Assert.Equal(2, afterRetry.Single()!.Value<int>("attempts"));
        Assert.Equal(HttpStatusCode.NotFound, (await _client.Get("/api/subscriptions/no-such-subscription/deadletters")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.Post("/api/subscriptions/no-such-subscription/deadletters/retry")).StatusCode);
    }

    [Fact]
    public async Task A_checkout_whose_saga_cannot_start_is_parked_after_its_tries_with_its_payment_behind_it_and_the_retry_completes_it()
    {
        var sku = await _checkout.GivenStock(5);
        var stuck = await _checkout.GivenOrder((sku, 1));
        var other = await _checkout.GivenOrder((sku, 1));
        _starts.Fail(CheckoutSaga.InstanceId(stuck));

        var stuckSaga = await _checkout.Checkout(stuck);
        await _checkout.CheckoutAwaitingPayment(other);
        await ParkedAsync(1);
        Assert.Equal(HttpStatusCode.Accepted, (await _client.Post($"/api/payments/{stuck}/confirm", new { amount = 10m })).StatusCode);
        var parked = await ParkedAsync(2);
        _starts.Heal();
        var retry = await _client.Post($"{DeadLetters}/retry");
        var saga = await _checkout.Finished(stuckSaga);

        Assert.Equal(["CheckoutRequested", "PaymentConfirmed"], parked.Select(l => l!.Value<string>("event.type")));
        Assert.Equal(3, parked[0]!.Value<int>("attempts"));
        Assert.Equal("System.InvalidOperationException: the saga store is out of reach", parked[0]!.Value<string>("error"));
        Assert.Equal(0, parked[1]!.Value<int>("attempts")); // waits behind the checkout, so the saga gets them in order
        Assert.Contains(parked[0]!.Value<string>("event.eventId"), parked[1]!.Value<string>("error"), StringComparison.Ordinal);
        Assert.Equal((2, 0), ((await retry.Json()).Value<int>("applied"), (await retry.Json()).Value<int>("stillParked")));
        Assert.Equal("Completed", saga.Value<string>("status"));
        Assert.Empty((await (await _client.Get(DeadLetters)).Json()).AsArray());
    }

    private async Task<System.Text.Json.Nodes.JsonArray> ParkedAsync(int count)
    {
        System.Text.Json.Nodes.JsonArray parked = [];
        await CheckoutDriver.Eventually(async () => (parked = (await (await _client.Get(DeadLetters)).Json()).AsArray()).Count == count, seconds: 30);
        return parked;
    }

    private async Task AppendRawAsync(string streamId, string type, string json)
    {
        var store = _host.Services.GetRequiredService<SqliteEventStore>();
        var data = new EventData(Guid.NewGuid(), type, 1, Encoding.UTF8.GetBytes(json), EventMetadata.Empty);
        await store.AppendAsync(streamId, ExpectedVersion.Any, [data], TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _host.DisposeAsync();
        await _api.DisposeAsync();
    }

    /// <summary>The saga runner, refusing to start the instances it is told to fail until healed.</summary>
    private sealed class FailingSagaStarts : ISagaClient
    {
        public EmbeddedSagaRunner Inner { get; set; } = null!;

        private readonly HashSet<string> _failing = [];

        public void Fail(string instanceId)
        {
            lock (_failing) _failing.Add(instanceId);
        }

        public void Heal()
        {
            lock (_failing) _failing.Clear();
        }

        public Task<SagaInstance> StartAsync(string orchestrator, string instanceId, object? input, SagaStartOptions? options = null, CancellationToken cancellationToken = default)
        {
            lock (_failing)
                if (_failing.Contains(instanceId)) throw new InvalidOperationException("the saga store is out of reach");
            return Inner.StartAsync(orchestrator, instanceId, input, options, cancellationToken);
        }

        public Task RaiseEventAsync(string instanceId, string eventName, object? payload, Guid? eventId = null, CancellationToken cancellationToken = default) =>
            Inner.RaiseEventAsync(instanceId, eventName, payload, eventId, cancellationToken);

        public Task<SagaInstance?> GetAsync(string instanceId, CancellationToken cancellationToken = default) => Inner.GetAsync(instanceId, cancellationToken);

        public Task<SagaPage> ListAsync(SagaQuery query, CancellationToken cancellationToken = default) => Inner.ListAsync(query, cancellationToken);
    }
}
