using EventSourcing.Subscriptions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Ordering.Http.Pipeline;

namespace Ordering.Http.Endpoints;

/// <summary>The feed subscriptions' dead letters: events a subscriber gave up on (and those of the same key behind them), and their retry.</summary>
public static class SubscriptionEndpoints
{
    public static Task<IResult> DeadLetters(
        HttpRequest request, string name, ApiPipeline api, IEventSubscriptions subscriptions, [FromServices] IEnumerable<Subscriber> subscribers) =>
        api.QueryAsync(request, async ct =>
        {
            Subscriber.Named(subscribers, name);
            return ApiResponse.Ok(await subscriptions.GetDeadLettersAsync(name, ct));
        });

    public static Task<IResult> RetryDeadLetters(
        HttpRequest request, string name, ApiPipeline api, IEventSubscriptions subscriptions, [FromServices] IEnumerable<Subscriber> subscribers) =>
        api.CommandAsync(request, async (_, ct) =>
            ApiResponse.Ok(await subscriptions.RetryDeadLettersAsync(name, Subscriber.Named(subscribers, name).Handle, ct)));
}
