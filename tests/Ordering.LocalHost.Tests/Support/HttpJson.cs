using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Ordering.LocalHost.Tests.Support;

/// <summary>Terse JSON calls for scenarios: every call returns the response; bodies are read as JSON nodes.</summary>
public static class HttpJson
{
    public static Task<HttpResponseMessage> Post(this HttpClient client, string path, object? body = null, params (string Name, string Value)[] headers) =>
        client.SendAsync(Request(HttpMethod.Post, path, body is null ? null : JsonContent.Create(body), headers), TestContext.Current.CancellationToken);

    public static Task<HttpResponseMessage> PostRaw(this HttpClient client, string path, string body, string contentType, params (string Name, string Value)[] headers) =>
        client.SendAsync(Request(HttpMethod.Post, path, new StringContent(body, Encoding.UTF8, MediaTypeHeaderValue.Parse(contentType)), headers), TestContext.Current.CancellationToken);

    public static Task<HttpResponseMessage> Delete(this HttpClient client, string path, params (string Name, string Value)[] headers) =>
        client.SendAsync(Request(HttpMethod.Delete, path, null, headers), TestContext.Current.CancellationToken);

    public static Task<HttpResponseMessage> Get(this HttpClient client, string path, params (string Name, string Value)[] headers) =>
        client.SendAsync(Request(HttpMethod.Get, path, null, headers), TestContext.Current.CancellationToken);

    public static async Task<JsonNode> Json(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return JsonNode.Parse(text) ?? throw new InvalidOperationException("empty JSON body");
    }

    public static string Header(this HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values)
        : response.Content.Headers.TryGetValues(name, out var contentValues) ? string.Join(",", contentValues) : "";

    public static T Value<T>(this JsonNode? node, string path)
    {
        var current = node;
        foreach (var part in path.Split('.')) current = int.TryParse(part, out var i) ? current?[i] : current?[part];
        return current is null ? throw new KeyNotFoundException($"'{path}' is not in {node?.ToJsonString() ?? "null"}") : current.Deserialize<T>()!;
    }

    private static HttpRequestMessage Request(HttpMethod method, string path, HttpContent? content, (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        foreach (var (name, value) in headers) request.Headers.TryAddWithoutValidation(name, value);
        return request;
    }
}
