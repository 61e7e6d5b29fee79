using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EventSourcing.Serialization;
using Ordering.Contracts.Orders;

namespace OrderConfirmationMailer.Feed;

/// <summary>
/// The backend's HTTP API as the mailer uses it: the event feed and an order's audit trail. Answers that a retry may
/// fix (no connection, a timeout, 5xx, 429) throw <see cref="BackendUnavailableException"/>; answers that it cannot
/// (a refused API key, a rejected cursor) throw <see cref="BackendRefusedException"/>.
/// </summary>
internal sealed class BackendClient(HttpClient http, EventSerializer serializer)
{
    /// <summary>The stored name this mailer follows.</summary>
    public const string OrderConfirmedType = "OrderConfirmed";

    /// <summary>The next page of OrderConfirmed events after <paramref name="cursor"/> (null: from the beginning).</summary>
    public Task<FeedPage> ReadFeedAsync(string? cursor, int maxCount, int waitSeconds, CancellationToken cancellationToken)
    {
        var query = $"api/events?maxCount={maxCount}&waitSeconds={waitSeconds}&types={OrderConfirmedType}";
        if (cursor is not null) query += $"&after={Uri.EscapeDataString(cursor)}";
        return GetAsync<FeedPage>(query, cancellationToken);
    }

    /// <summary>The last checkout requested in <paramref name="streamId"/> before <paramref name="version"/>, or null if there is none.</summary>
    public async Task<CheckoutRequested?> CheckoutBeforeAsync(string streamId, long version, CancellationToken cancellationToken)
    {
        const int pageSize = 50;
        for (var from = version - 1; from >= 1; from -= pageSize)
        {
            var page = await GetAsync<StreamPage>(
                $"api/streams/{Uri.EscapeDataString(streamId)}/events?fromVersion={from}&direction=backward&maxCount={pageSize}", cancellationToken);
            var checkout = page.Events.FirstOrDefault(e => e.Type == "CheckoutRequested");
            if (checkout is not null) return (CheckoutRequested)serializer.Deserialize(checkout.ToRecorded(streamId));
            if (page.Events.Count < pageSize) return null;
        }
        return null;
    }

    private async Task<T> GetAsync<T>(string pathAndQuery, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await http.GetAsync(pathAndQuery, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new BackendUnavailableException($"The backend at {http.BaseAddress} cannot be reached: {e.Message}", e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new BackendUnavailableException($"The backend at {http.BaseAddress} did not answer within {http.Timeout.TotalSeconds:0} s.", e);
        }
        using (response)
        {
            if (response.IsSuccessStatusCode)
            {
                try
                {
                    return await response.Content.ReadFromJsonAsync<T>(JsonSerializerOptions.Web, cancellationToken)
                        ?? throw new BackendRefusedException($"GET {pathAndQuery} answered an empty body.");
                }
                catch (JsonException e)
                {
                    throw new BackendRefusedException($"GET {pathAndQuery} answered JSON this mailer cannot read: {e.Message}", e);
                }
            }
            var problem = await response.Content.ReadAsStringAsync(cancellationToken);
            var what = $"GET {pathAndQuery} answered {(int)response.StatusCode} {response.StatusCode}: {problem}";
            throw response.StatusCode is >= HttpStatusCode.InternalServerError or HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests
                ? new BackendUnavailableException(what)
                : new BackendRefusedException(what);
        }
    }
}
