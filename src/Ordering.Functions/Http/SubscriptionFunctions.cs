using EventSourcing.Cosmos.Subscriptions;
using EventSourcing.Durable;
using EventSourcing.Http.Endpoints;
using EventSourcing.Http.Pipeline;
using EventSourcing.Serialization;
using EventSourcing.Subscriptions;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Ordering.Checkout;
using Ordering.Http.Endpoints;

namespace Ordering.Functions.Http;

/// <summary>
/// The change-feed subscriptions' dead letters: the checkout trigger's and the late-payment refunds'. The trigger's
/// handler needs the Durable client of the invocation, so it is built per call, as the change-feed function builds it.
/// </summary>
public sealed class SubscriptionFunctions(
    ApiPipeline api, ChangeFeedSubscriptions subscriptions, EventSerializer serializer, CheckoutOptions checkout, LatePaymentRefunds refunds)
{
    [Function("SubscriptionDeadLetters")]
    public Task<IResult> DeadLetters(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "subscriptions/{name}/deadletters")] HttpRequest request, string name,
        [DurableClient] DurableTaskClient client) =>
        SubscriptionEndpoints.DeadLetters(request, name, api, subscriptions, Subscribers(client));

    [Function("RetrySubscriptionDeadLetters")]
    public Task<IResult> RetryDeadLetters(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "subscriptions/{name}/deadletters/retry")] HttpRequest request, string name,
        [DurableClient] DurableTaskClient client) =>
        SubscriptionEndpoints.RetryDeadLetters(request, name, api, subscriptions, Subscribers(client));

    private Subscriber[] Subscribers(DurableTaskClient client) =>
    [
        new CheckoutTrigger(new DurableSagaClient(client), serializer, checkout).Subscriber,
        new(LatePaymentRefunds.SubscriptionName, refunds.HandleAsync, LatePaymentRefunds.OrderingKey),
    ];
}
