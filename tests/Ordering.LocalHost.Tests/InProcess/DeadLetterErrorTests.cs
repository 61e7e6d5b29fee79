using System.Net;
using System.Text;
using EventSourcing.Sqlite;
using EventSourcing.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Ordering.LocalHost.Tests.Support;

namespace Ordering.LocalHost.Tests.InProcess;

/// <summary>What a parked event shows over HTTP of the error that parked it, and what only the logs get.</summary>
public sealed class DeadLetterErrorTests : IAsyncDisposable
{
    private readonly InProcessApi _api = new();
    private readonly CapturedLogs _logs = new();

    [Fact]
    public async Task A_dead_letter_shows_the_errors_type_and_message_and_its_stack_trace_goes_to_the_log_only()
    {
        _api.TestServices.Add(s => s.AddSingleton<ILoggerProvider>(_logs));
        var client = _api.CreateClient();
        var stream = $"order-poison-{Guid.NewGuid():N}";
        await _api.Services.GetRequiredService<SqliteEventStore>().AppendAsync(stream, ExpectedVersion.NoStream,
            [new EventData(Guid.NewGuid(), "OrderCreated", 1, Encoding.UTF8.GetBytes("""{"orderId":"poison","customerId":"c","currency":"EUR","createdAt":"not a date"}"""), EventMetadata.Empty)],
            TestContext.Current.CancellationToken);

        string? error = null;
        await CheckoutDriver.Eventually(async () =>
        {
            var parked = (await (await client.Get("/api/projections/order-details/deadletters")).Json()).AsArray();
            error = parked.FirstOrDefault(p => p.Value<string>("event.streamId") == stream)?.Value<string>("error");
            return error is not null;
        });

        Assert.Matches(@"^System\.[\w.]*Exception: ", error);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.Contains(_logs.Entries, e => e.Exception?.StackTrace is { Length: > 0 } && e.Message.Contains(stream, StringComparison.Ordinal));
    }

    public ValueTask DisposeAsync() => _api.DisposeAsync();
}
