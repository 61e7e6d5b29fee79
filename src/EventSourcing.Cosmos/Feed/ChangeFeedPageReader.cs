using System.Net;
using EventSourcing.Cosmos.Resilience;
using EventSourcing.Cosmos.Store;
using EventSourcing.Feed;
using EventSourcing.Store;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Logging;

namespace EventSourcing.Cosmos.Feed;

/// <summary>Reads the events container's change feed a request at a time, commit events only, from a cursor.</summary>
internal sealed partial class ChangeFeedPageReader(Container events, CosmosCalls calls)
{
    /// <summary>
    /// Reads change-feed pages from <paramref name="cursor"/> until <paramref name="maxCount"/> matching events are taken,
    /// a page is left part-way, the feed is caught up or <see cref="CosmosFeedReader.MaxPagesPerRead"/> requests were made.
    /// </summary>
    /// <returns>The page to answer with, and the cursor after it.</returns>
    /// <exception cref="InvalidFeedCursorException">The service refused the cursor's position, or it is malformed.</exception>
    /// <exception cref="StoreUnavailableException">Cosmos DB is down or overloaded.</exception>
    public async Task<(FeedPage Page, ChangeFeedCursor Next)> ReadAsync(
        ChangeFeedCursor cursor, int maxCount, FeedFilter filter, CancellationToken cancellationToken)
    {
        var charge = new Charge();
        var taken = new List<RecordedEvent>();
        var caughtUp = false;
        var requests = 0;
        using var iterator = Open(cursor, maxCount, filter);
        while (requests < CosmosFeedReader.MaxPagesPerRead && taken.Count < maxCount)
        {
            requests++;
            using var response = await SendAsync(iterator, charge, cancellationToken);
            if (response.StatusCode == HttpStatusCode.NotModified)
            {
                // Every feed range answered "nothing new": the feed is caught up.
                cursor = cursor with { Continuation = response.ContinuationToken ?? cursor.Continuation, StartTicks = null };
                caughtUp = true;
                break;
            }
            if (response.StatusCode == HttpStatusCode.BadRequest && cursor.Continuation is not null)
                throw new InvalidFeedCursorException($"The cursor's change-feed position was refused ({response.ErrorMessage}): pass back a 'next' this feed returned.");
            CosmosCalls.EnsureSuccess(response, "read-feed", "events");

            var cut = ChangeFeedPageCut.Take(ChangeFeedPageCut.Commits(response.Content), cursor.Delivered ?? [], maxCount - taken.Count, filter);
            taken.AddRange(cut.Taken);
            // A page left part-way is read again next time, from the continuation before it.
            if (!cut.PassedPage)
            {
                cursor = cursor with { Delivered = cut.Delivered };
                break;
            }
            cursor = new ChangeFeedCursor(response.ContinuationToken, null, cut.Delivered.Count > 0 ? cut.Delivered : null);
        }
        LogFeedRead(calls.Logger, taken.Count, requests, charge.Total);
        return (new FeedPage(taken, FeedCursor.Encode(CosmosFeedReader.StoreName, cursor), caughtUp), cursor);
    }

    /// <summary>One change-feed request; a service that is down or overloaded is the store being unavailable, not a bug.</summary>
    private async Task<ResponseMessage> SendAsync(FeedIterator iterator, Charge charge, CancellationToken cancellationToken)
    {
        try
        {
            var response = await calls.SendAsync("read-feed", "events", iterator.ReadNextAsync, charge, cancellationToken);
            if (CosmosFaults.IsTransient(response.StatusCode) || response.StatusCode == HttpStatusCode.InternalServerError)
            {
                using (response) CosmosCalls.EnsureSuccess(response, "read-feed", "events");
            }
            return response;
        }
        catch (Exception e) when (e switch
        {
            CosmosException c => CosmosFaults.IsTransient(c.StatusCode) || c.StatusCode == HttpStatusCode.InternalServerError,
            OperationCanceledException => !cancellationToken.IsCancellationRequested, // the SDK's own request timeout
            HttpRequestException => true,
            _ => false,
        })
        {
            throw new StoreUnavailableException($"Cosmos DB did not answer the feed read ({e.Message}).", e);
        }
    }

    private FeedIterator Open(ChangeFeedCursor cursor, int maxCount, FeedFilter filter)
    {
        var start = cursor.Continuation is { } continuation ? ChangeFeedStartFrom.ContinuationToken(continuation)
            : cursor.StartTicks is { } ticks ? ChangeFeedStartFrom.Time(new DateTime(Math.Max(ticks, 0), DateTimeKind.Utc))
            : ChangeFeedStartFrom.Beginning();
        // Documents, not events: about one commit and one tip per append, so twice the events asked for fills a request. A
        // page left part-way is read again, so pages stay that small; a filter passes most events over, so it reads big ones.
        var options = new ChangeFeedRequestOptions { PageSizeHint = filter.IsEmpty ? Math.Min(2 * maxCount, 1000) : 1000 };
        try
        {
            return events.GetChangeFeedStreamIterator(start, ChangeFeedMode.LatestVersion, options);
        }
        catch (ArgumentException e)
        {
            throw new InvalidFeedCursorException("The cursor's change-feed position is malformed: pass back a 'next' this feed returned.", e);
        }
    }

    [LoggerMessage(LogLevel.Debug, "Feed read of {Count} events: {RequestCharge} RU in {Requests} change-feed request(s)")]
    private static partial void LogFeedRead(ILogger logger, int count, int requests, double requestCharge);
}
