using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Ordering.Benchmarks.Http;

namespace Ordering.Benchmarks.Sagas;

/// <summary>How one checkout went: its saga's final status and the times from the checkout request.</summary>
/// <param name="Started">Until the saga first answered its status URL (the feed trigger had started it).</param>
/// <param name="Ended">Until the poll saw it no longer Running.</param>
internal sealed record FlowResult(string Status, long Started, long Ended);

/// <summary>
/// One customer's checkout as a client sees it: checkout (202), the provider's payment callback right after, then
/// the saga's status polled until it ends. The callback may overtake the saga; the feed raises it in order anyway.
/// </summary>
internal sealed class CheckoutFlow(HttpClient client, Uri baseAddress)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromMinutes(2);

    public async Task<FlowResult> RunAsync(string orderId)
    {
        var before = Stopwatch.GetTimestamp();
        var checkout = await client.PostExpectingAsync(new Uri(baseAddress, $"/api/orders/{orderId}/checkout"), null, HttpStatusCode.Accepted);
        var statusUrl = new Uri(baseAddress, checkout["statusUrl"]!.GetValue<string>());
        await client.PostExpectingAsync(new Uri(baseAddress, $"/api/payments/{orderId}/confirm"), """{"amount":10}""", HttpStatusCode.Accepted);

        long? started = null;
        while (Stopwatch.GetElapsedTime(before) < GiveUpAfter)
        {
            using var response = await client.GetAsync(statusUrl);
            var text = await response.Content.ReadAsStringAsync();
            if (response.StatusCode == HttpStatusCode.OK)
            {
                started ??= Stopwatch.GetTimestamp() - before;
                var status = JsonNode.Parse(text)!["status"]!.GetValue<string>();
                if (status != "Running") return new FlowResult(status, started.Value, Stopwatch.GetTimestamp() - before);
            }
            else if (response.StatusCode != HttpStatusCode.NotFound)
                throw new InvalidOperationException($"GET {statusUrl} answered {(int)response.StatusCode}: {text}");
            await Task.Delay(PollInterval);
        }
        return new FlowResult("StillRunning", started ?? 0, Stopwatch.GetTimestamp() - before);
    }
}
