using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using EventSourcing.Http.Tests.Venues;

namespace EventSourcing.Http.Tests;

/// <summary>
/// The building blocks serve a domain that is not ordering: the venue host's own command route gets idempotent retries,
/// If-Match and problem details from the pipeline, and the library's audit-trail endpoint reads its streams.
/// </summary>
public sealed class VenueApiTests : IAsyncLifetime
{
    private VenueHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await VenueHost.StartAsync();

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_repeat_with_the_same_Idempotency_Key_answers_the_first_response_and_reserves_once()
    {
        var first = await ReserveAsync("hall", 2, key: "booking-1");
        var repeat = await ReserveAsync("hall", 2, key: "booking-1");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, repeat.StatusCode);
        Assert.Equal("true", Header(repeat, "Idempotent-Replayed"));
        Assert.Equal(await first.Content.ReadAsStringAsync(), await repeat.Content.ReadAsStringAsync());
        Assert.Equal("\"1\"", Header(repeat, "ETag"));
        Assert.Equal(2, (await VenueAsync("hall")).Reserved);
        Assert.Equal(1, (await StoredEventsAsync("hall")).GetArrayLength());
    }

    [Fact]
    public async Task The_same_key_with_another_request_is_422_and_changes_nothing()
    {
        await ReserveAsync("hall", 2, key: "booking-1");

        var other = await ReserveAsync("hall", 3, key: "booking-1");

        await AssertProblemAsync(other, HttpStatusCode.UnprocessableEntity, "idempotency-key-reused");
        Assert.Equal(2, (await VenueAsync("hall")).Reserved);
    }

    [Fact]
    public async Task A_stale_If_Match_is_412_and_a_current_one_writes()
    {
        await ReserveAsync("hall", 1);

        var current = await ReserveAsync("hall", 1, ifMatch: "\"1\"");
        var stale = await ReserveAsync("hall", 1, ifMatch: "\"1\"");

        Assert.Equal(HttpStatusCode.OK, current.StatusCode);
        Assert.Equal("\"2\"", Header(current, "ETag"));
        await AssertProblemAsync(stale, HttpStatusCode.PreconditionFailed, "stale-version");
        Assert.Equal(2, (await StoredEventsAsync("hall")).GetArrayLength());
    }

    [Fact]
    public async Task The_domain_s_errors_are_problem_details_and_change_nothing()
    {
        await AssertProblemAsync(await ReserveAsync("hall", Venue.Capacity + 1), HttpStatusCode.Conflict, "sold-out");
        var invalid = await ReserveAsync("hall", 0);
        var errors = await AssertProblemAsync(invalid, HttpStatusCode.BadRequest, "invalid-request");
        Assert.Equal("Reserve at least one seat.", errors.GetProperty("errors").GetProperty("seats")[0].GetString());
        await AssertProblemAsync(await PostAsync("hall", "{\"seats\":", "application/json"), HttpStatusCode.BadRequest, "invalid-request");
        await AssertProblemAsync(await PostAsync("hall", "seats=1", "text/plain"), HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");

        await AssertProblemAsync(await _host.Client.GetAsync("/api/venues/hall"), HttpStatusCode.NotFound, "not-found");
        await AssertProblemAsync(await _host.Client.GetAsync($"/api/streams/{VenueHost.StreamOf("hall")}/events"), HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task The_library_s_health_endpoint_reports_the_host_s_store()
    {
        var health = await _host.Client.GetAsync("/api/health");

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        using var body = JsonDocument.Parse(await health.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", body.RootElement.GetProperty("status").GetString());
        Assert.Equal("reachable", body.RootElement.GetProperty("store").GetString());
    }

    private Task<HttpResponseMessage> ReserveAsync(string venueId, int seats, string? key = null, string? ifMatch = null) =>
        PostAsync(venueId, $"{{\"seats\":{seats}}}", "application/json", key, ifMatch);

    private Task<HttpResponseMessage> PostAsync(string venueId, string body, string contentType, string? key = null, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/venues/{venueId}/reservations")
        {
            Content = new StringContent(body, Encoding.UTF8, MediaTypeHeaderValue.Parse(contentType)),
        };
        if (key is not null) request.Headers.Add("Idempotency-Key", key);
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return _host.Client.SendAsync(request);
    }

    private async Task<VenueView> VenueAsync(string venueId) =>
        await _host.Client.GetFromJsonAsync<VenueView>($"/api/venues/{venueId}", JsonSerializerOptions.Web) ?? throw new InvalidOperationException("No body.");

    private async Task<JsonElement> StoredEventsAsync(string venueId)
    {
        using var trail = JsonDocument.Parse(await _host.Client.GetStringAsync($"/api/streams/{VenueHost.StreamOf(venueId)}/events"));
        return trail.RootElement.GetProperty("events").Clone();
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;

    private static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(code, body.RootElement.GetProperty("code").GetString());
        return body.RootElement.Clone();
    }
}
