using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Ordering.Benchmarks.Http;

/// <summary>One HttpClient for the whole run, with a connection per concurrent client so none queues for a socket.</summary>
internal static class BenchHttp
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    public static HttpClient CreateClient(int connections) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = connections,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        UseProxy = false,
        AllowAutoRedirect = false,
    })
    {
        Timeout = TimeSpan.FromSeconds(60),
    };

    /// <summary>A body from already formatted JSON: the load generator shares the 2 cores, so it does no serialization.</summary>
    public static ByteArrayContent Body(string json)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(json));
        content.Headers.ContentType = Json;
        return content;
    }

    public static async Task<HttpResponseMessage> PostAsync(this HttpClient client, Uri uri, string? json = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = json is null ? null : Body(json) };
        return await client.SendAsync(request);
    }

    /// <summary>Posts and expects <paramref name="status"/>; anything else ends the run, since the figures would mean nothing.</summary>
    public static async Task<JsonNode> PostExpectingAsync(this HttpClient client, Uri uri, string? json, HttpStatusCode status)
    {
        using var response = await client.PostAsync(uri, json);
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != status)
            throw new InvalidOperationException($"POST {uri} answered {(int)response.StatusCode}, not {(int)status}: {text}");
        return JsonNode.Parse(text) ?? throw new InvalidOperationException($"POST {uri} answered no JSON.");
    }
}
