using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace BankAccounts.Tests.Http;

/// <summary>Terse calls to the bank API for scenarios: every call returns the response; bodies read as JSON nodes.</summary>
public static class BankClient
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static Task<HttpResponseMessage> Post(this HttpClient client, string path, object? body = null, params (string Name, string Value)[] headers) =>
        client.SendAsync(Request(HttpMethod.Post, path, body is null ? null : JsonContent.Create(body), headers), Ct);

    public static Task<HttpResponseMessage> PostRaw(this HttpClient client, string path, string json, params (string Name, string Value)[] headers) =>
        client.SendAsync(Request(HttpMethod.Post, path, new StringContent(json, Encoding.UTF8, "application/json"), headers), Ct);

    public static Task<HttpResponseMessage> Get(this HttpClient client, string path) => client.SendAsync(Request(HttpMethod.Get, path, null, []), Ct);

    public static async Task<JsonNode> Json(this HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct)) ?? throw new InvalidOperationException("empty JSON body");

    public static string Header(this HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values)
        : response.Content.Headers.TryGetValues(name, out var contentValues) ? string.Join(",", contentValues) : "";

    /// <summary>Opens an account (with a first deposit when given); returns its id.</summary>
    public static async Task<string> OpenAsync(this HttpClient client, string owner, string currency = "EUR", decimal overdraftLimit = 0, decimal deposit = 0)
    {
        var opened = await client.Post("/api/accounts", new { owner, currency, overdraftLimit });
        Assert.Equal(201, (int)opened.StatusCode);
        var accountId = (string)(await opened.Json())["accountId"]!;
        if (deposit > 0) Assert.Equal(200, (int)(await client.Post($"/api/accounts/{accountId}/deposits", new { amount = deposit })).StatusCode);
        return accountId;
    }

    /// <summary>The account's event count (its stream version) from the audit trail.</summary>
    public static async Task<long> StreamVersionAsync(this HttpClient client, string streamId) =>
        (long)(await (await client.Get($"/api/streams/{streamId}/events")).Json())["version"]!;

    /// <summary>GETs <paramref name="path"/> until its JSON satisfies <paramref name="condition"/>; the 30 s bound only ends a failing wait.</summary>
    public static async Task<JsonNode> WaitForAsync(this HttpClient client, string path, Func<JsonNode, bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var response = await client.Get(path);
            if (response.IsSuccessStatusCode && await response.Json() is var json && condition(json)) return json;
            Assert.True(DateTime.UtcNow < deadline, $"{path} did not get there in 30 s: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
            await Task.Delay(20, Ct);
        }
    }

    private static HttpRequestMessage Request(HttpMethod method, string path, HttpContent? content, (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        foreach (var (name, value) in headers) request.Headers.TryAddWithoutValidation(name, value);
        return request;
    }
}
