using EventSourcing.Http.Pipeline;
using EventSourcing.Subscriptions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace EventSourcing.Http.Endpoints;

/// <summary>The feed subscriptions' dead letters: events a subscriber gave up on (and those of the same key behind them), and their retry.</summary>
public static class SubscriptionEndpoints
{
    /// <summary>GET: a subscription's parked events (404 for a name none of <c>subscribers</c> has).</summary>
    public static Task<IResult> DeadLetters(
        HttpRequest request, string name, ApiPipeline api, IEventSubscriptions subscriptions, [FromServices] IEnumerable<Subscriber> subscribers) =>
        api.QueryAsync(request, async ct =>
        {
            Subscriber.Named(subscribers, name);
            return ApiResponse.Ok(await subscriptions.GetDeadLettersAsync(name, ct));
        });

    /// <summary>POST: hands a subscription's parked events to its handler again (404 for a name none of <c>subscribers</c> has).</summary>
    public static Task<IResult> RetryDeadLetters(
        HttpRequest request, string name, ApiPipeline api, IEventSubscriptions subscriptions, [FromServices] IEnumerable<Subscriber> subscribers) =>
        api.CommandAsync(request, async (_, ct) =>
            ApiResponse.Ok(await subscriptions.RetryDeadLettersAsync(name, Subscriber.Named(subscribers, name).Handle, ct)));
}
