using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using EventSourcing.Store;
using Microsoft.AspNetCore.Http;
using Ordering.Functions.Http;
using EventSourcing.Cosmos.Documents;
using EventSourcing.Durable;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Ordering.Checkout;
using Ordering.Functions.ChangeFeed;
using Ordering.Functions.Tests.Support;

namespace Ordering.Functions.Tests.ChangeFeed;

/// <summary>
/// The TriggerCheckoutSagas function as the host calls it: a change-feed batch of commit documents and a Durable client,
/// here the genuine Durable Task engine in memory. The feed delivers at least once, and while leases move two instances
/// may hold one batch at once, so each CheckoutRequested must start its saga once whenever and however often it comes.
/// </summary>
public sealed class CheckoutTriggerFunctionTests(ITestOutputHelper output) : IAsyncLifetime
{
    // How often each saga instance began an execution: a second one would mean a start replaced a running saga.
    private readonly ConcurrentDictionary<string, int> _executions = new(StringComparer.Ordinal);
    private readonly FunctionsComposition _app = new(output);
    private DurableTaskTestHost _durable = null!;
    private ChangeFeedFunctions _functions = null!;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private DurableTaskClient Durable => _durable.Client;

    public async ValueTask InitializeAsync()
    {
        // A stand-in under the checkout orchestrator's name: it waits for the payment as the real one does, so a saga
        // stays running for as long as a test looks at it. The real one would run its activities against Cosmos, which
        // is not here; what it does once started runs on this engine in tests/EventSourcing.Durable.Tests.
        _durable = await DurableTaskTestHost.StartAsync(
            tasks => tasks.AddOrchestratorFunc<JsonElement?, JsonElement?>(CheckoutSaga.Name, async (context, _) =>
            {
                if (!context.IsReplaying) _executions.AddOrUpdate(context.InstanceId, 1, (_, n) => n + 1);
                return await context.WaitForExternalEvent<JsonElement?>(CheckoutSaga.PaymentEvent);
            }),
            new DurableTaskTestHostOptions { LoggerFactory = _app.Services.GetRequiredService<ILoggerFactory>() },
            Cancellation);
        _functions = _app.Activate<ChangeFeedFunctions>();
    }

    [Fact]
    public async Task A_batch_with_two_checkouts_starts_each_saga_with_its_frozen_order_and_cause()
    {
        var first = OrderCommits.CheckedOut();
        var second = OrderCommits.CheckedOut();

        await Deliver(OrderCommits.Batch(first, second));

        await AssertOneRunningSaga(first);
        await AssertOneRunningSaga(second);
    }

    [Fact]
    public async Task The_same_batch_delivered_again_leaves_the_running_saga_as_it_was()
    {
        var order = OrderCommits.CheckedOut();
        var batch = OrderCommits.Batch(order);
        await Deliver(batch);
        var started = await Durable.WaitForInstanceStartAsync(order.SagaId, getInputsAndOutputs: true, Cancellation);

        await Deliver(batch);

        var after = await AssertOneRunningSaga(order);
        Assert.Equal(started.CreatedAt, after.CreatedAt);
        await AssertExecutedOnce(order);
    }

    // Both deliveries may find no saga and both schedule one: the engine must refuse the second start (DurableSagaClient
    // schedules with every status as DedupeStatuses), or this engine takes both and the instance never runs.
    [Fact]
    public async Task The_same_batch_delivered_twice_at_once_starts_one_saga_per_checkout()
    {
        var first = OrderCommits.CheckedOut();
        var second = OrderCommits.CheckedOut();
        var batch = OrderCommits.Batch(first, second);

        await Task.WhenAll(Task.Run(() => Deliver(batch), Cancellation), Task.Run(() => Deliver(batch), Cancellation));

        await AssertOneRunningSaga(first);
        await AssertOneRunningSaga(second);
        await AssertExecutedOnce(first);
        await AssertExecutedOnce(second);
    }

    [Fact]
    public async Task An_unreadable_checkout_request_is_parked_in_the_dead_letters_the_api_shows_and_the_rest_of_the_batch_starts_its_saga()
    {
        var good = OrderCommits.CheckedOut();
        var unreadable = DocumentMapper.ToCommit("order-unreadable", 1, DateTimeOffset.UnixEpoch,
            [new EventData(Guid.NewGuid(), "CheckoutRequested", 1, Encoding.UTF8.GetBytes("""{"orderId":"unreadable","lines":"not lines"}"""), EventMetadata.Empty)]);

        await Deliver([unreadable, .. OrderCommits.Batch(good)]);
        var shown = await GetDeadLetters(CheckoutTrigger.SubscriptionName);

        await AssertOneRunningSaga(good);
        var letter = Assert.Single(shown.AsArray())!;
        Assert.Equal("order-unreadable", letter["event"]!["streamId"]!.GetValue<string>());
        Assert.StartsWith("EventSourcing.Subscriptions.PoisonEventException: ", letter["error"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(1, letter["attempts"]!.GetValue<int>());
    }

    /// <summary>The SubscriptionDeadLetters function's answer, run as the worker runs it.</summary>
    private async Task<JsonNode> GetDeadLetters(string subscription)
    {
        var context = new DefaultHttpContext { RequestServices = _app.Services };
        using var body = new MemoryStream();
        context.Response.Body = body;
        var result = await _app.Activate<SubscriptionFunctions>().DeadLetters(context.Request, subscription, Durable);
        await result.ExecuteAsync(context);
        Assert.Equal(200, context.Response.StatusCode);
        return JsonNode.Parse(body.ToArray())!;
    }

    private Task Deliver(IReadOnlyList<CommitDocument> batch) => _functions.TriggerCheckoutSagas(batch, Durable, Cancellation);

    private async Task<OrchestrationMetadata> AssertOneRunningSaga(CheckedOutOrder order)
    {
        var started = await Durable.WaitForInstanceStartAsync(order.SagaId, getInputsAndOutputs: true, Cancellation);
        var instances = await Durable.GetAllInstancesAsync(new OrchestrationQuery { InstanceIdPrefix = order.SagaId, FetchInputsAndOutputs = true })
            .Where(i => i.InstanceId == order.SagaId).ToListAsync(Cancellation);

        var instance = Assert.Single(instances);
        Assert.Equal(CheckoutSaga.Name, instance.Name);
        Assert.Equal(OrchestrationRuntimeStatus.Running, started.RuntimeStatus);
        var expected = order.ExpectedInput(FunctionsComposition.PaymentTimeout);
        var input = DurableJson.Read<CheckoutInput>(instance.SerializedInput);
        Assert.NotNull(input);
        Assert.Equal(expected.Lines, input.Lines);
        Assert.Equal(expected with { Lines = input.Lines }, input);
        return instance;
    }

    /// <summary>Ends the saga with its payment and counts its executions, which are all begun by then.</summary>
    private async Task AssertExecutedOnce(CheckedOutOrder order)
    {
        await Durable.RaiseEventAsync(order.SagaId, CheckoutSaga.PaymentEvent, DurableJson.Write(new PaymentResult(true, order.Requested.Total, null)), Cancellation);
        var ended = await Durable.WaitForInstanceCompletionAsync(order.SagaId, Cancellation);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, ended.RuntimeStatus);
        Assert.Equal(1, _executions[order.SagaId]);
    }

    public async ValueTask DisposeAsync()
    {
        await _durable.DisposeAsync();
        await _app.DisposeAsync();
    }
}
