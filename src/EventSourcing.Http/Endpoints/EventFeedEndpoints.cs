using EventSourcing.Feed;
using EventSourcing.Http.Pipeline;
using EventSourcing.Http.Reads;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;

namespace EventSourcing.Http.Endpoints;

/// <summary>The feed for subscribers: every event in commit order, paged by an opaque cursor, with long polling.</summary>
public static class EventFeedEndpoints
{
    private const int MaxTypes = 50;

    /// <summary>GET: a page of the feed after a cursor, waiting up to <c>waitSeconds</c> for events when there are none.</summary>
    public static Task<IResult> Read(HttpRequest request, ApiPipeline api, EventFeed feed, IHostApplicationLifetime lifetime) =>
        api.QueryAsync(request, async ct =>
        {
            var query = Query(request);
            // A host that stops answers its long polls with what there is, instead of holding its shutdown for them.
            using var stopping = CancellationTokenSource.CreateLinkedTokenSource(ct, lifetime.ApplicationStopping);
            try
            {
                return ApiResponse.Ok(await feed.ReadAsync(query, stopping.Token));
            }
            catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested && !ct.IsCancellationRequested)
            {
                return ApiResponse.Ok(await feed.ReadAsync(query with { Wait = TimeSpan.Zero }, ct));
            }
        });

    private static FeedRequest Query(HttpRequest request) => new()
    {
        After = QueryParameters.Text(request, "after"),
        MaxCount = (int)(QueryParameters.WholeNumber(request, "maxCount", min: 1, max: FeedRequest.MaxMaxCount) ?? FeedRequest.DefaultMaxCount),
        Wait = TimeSpan.FromSeconds(QueryParameters.WholeNumber(request, "waitSeconds", min: 0, max: (long)FeedRequest.MaxWait.TotalSeconds) ?? 0),
        Filter = new FeedFilter(Types(request), QueryParameters.Text(request, "streamPrefix"), QueryParameters.Instant(request, "since")),
    };

    private static HashSet<string>? Types(HttpRequest request)
    {
        if (QueryParameters.Text(request, "types") is not { } text) return null;
        var types = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        return types.Count is > 0 and <= MaxTypes ? types
            : throw new BadRequestException("types", $"'types' must name 1 to {MaxTypes} stored event names, separated by commas.");
    }
}
