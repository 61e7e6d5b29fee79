using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Ordering.LocalHost.Tests.Support;

namespace Ordering.LocalHost.Tests.Process;

/// <summary>With OTEL_EXPORTER_OTLP_ENDPOINT set, the host ships its append spans and metrics to that collector.</summary>
public sealed class TelemetryExportTests : IDisposable
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("ordering-otlp-").FullName;

    [Fact]
    public async Task Append_spans_append_latency_and_projection_lag_are_exported_over_otlp()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var collector = await OtlpCollector.StartAsync(ct);
        await using var host = await LocalHostProcess.StartAsync(_dataDirectory, ct, new Dictionary<string, string>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Address,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "500",
        });
        using var client = new HttpClient { BaseAddress = host.BaseAddress };

        Assert.Equal(HttpStatusCode.Created, (await client.Post("/api/orders", new { customerId = "cust-otlp" })).StatusCode);

        // OTLP is protobuf; instrument and span names travel as plain UTF-8 strings inside it.
        await collector.WaitForAsync("/v1/traces", "EventSourcing", ct);
        await collector.WaitForAsync("/v1/metrics", "eventsourcing.append.duration", ct);
        await collector.WaitForAsync("/v1/metrics", "eventsourcing.projection.lag", ct);
    }

    public void Dispose()
    {
        try { Directory.Delete(_dataDirectory, recursive: true); }
        catch (IOException) { /* the OS cleans temp */ }
    }

    /// <summary>A stand-in OTLP/HTTP receiver: keeps every body posted to it, by path.</summary>
    private sealed class OtlpCollector(WebApplication app, string address) : IAsyncDisposable
    {
        private readonly ConcurrentQueue<(string Path, string Body)> _received = new();

        public string Address { get; } = address;

        public static async Task<OtlpCollector> StartAsync(CancellationToken ct)
        {
            var builder = WebApplication.CreateSlimBuilder();
            var address = $"http://127.0.0.1:{LocalHostProcess.FreePort()}";
            builder.WebHost.UseUrls(address);
            var app = builder.Build();
            var collector = new OtlpCollector(app, address);
            app.MapPost("/v1/{signal}", async (HttpRequest request) =>
            {
                using var body = new MemoryStream();
                await request.Body.CopyToAsync(body, ct);
                collector._received.Enqueue((request.Path, Encoding.UTF8.GetString(body.ToArray())));
                return Results.Ok();
            });
            await app.StartAsync(ct);
            return collector;
        }

        public async Task WaitForAsync(string path, string text, CancellationToken ct)
        {
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (!_received.Any(r => r.Path == path && r.Body.Contains(text, StringComparison.Ordinal)))
            {
                Assert.True(DateTime.UtcNow < deadline, $"no export to {path} mentioned '{text}' within 30 s; got {string.Join(", ", _received.Select(r => r.Path))}");
                await Task.Delay(100, ct);
            }
        }

        public ValueTask DisposeAsync() => app.DisposeAsync();
    }
}
