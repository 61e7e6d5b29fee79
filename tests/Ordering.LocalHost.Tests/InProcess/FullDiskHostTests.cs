using System.Net;
using EventSourcing.Tests.Sqlite;
using Ordering.LocalHost.Tests.Support;

namespace Ordering.LocalHost.Tests.InProcess;

/// <summary>The local host with its data directory on a small filesystem that really fills up (a tmpfs).</summary>
public sealed class FullDiskHostTests
{
    [Fact]
    public async Task A_full_disk_answers_503_store_unavailable_and_health_503_and_the_host_writes_again_once_space_is_freed()
    {
        using var disk = SmallFilesystem.MountOrSkip(32 * 1024 * 1024);
        await using var api = new InProcessApi();
        api.Settings["Store:DataDirectory"] = disk.Path;
        var client = api.CreateClient();
        var customer = "cust-full-disk";
        var before = await client.Post("/api/orders", new { customerId = customer, currency = "EUR" });
        Assert.Equal(HttpStatusCode.Created, before.StatusCode);

        // When the disk is full
        disk.Fill();
        var refused = await client.Post("/api/orders", new { customerId = customer, currency = "EUR" });
        var unhealthy = await client.Get("/api/health");

        // Then the command is refused with a problem that says nothing was written, and health says why
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var problem = await refused.Json();
        Assert.Equal("store-unavailable", problem.Value<string>("code"));
        Assert.Contains("Nothing was changed", problem.Value<string>("detail"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, unhealthy.StatusCode);
        var health = await unhealthy.Json();
        Assert.Equal(("Unhealthy", "not-writable"), (health.Value<string>("status"), health.Value<string>("store")));
        Assert.Contains("full", health.Value<string>("detail"), StringComparison.OrdinalIgnoreCase);

        // And once space is freed, health recovers without any append and commands are accepted again
        disk.Free();
        var healthy = await client.Get("/api/health");
        var after = await client.Post("/api/orders", new { customerId = customer, currency = "EUR" });
        Assert.Equal(HttpStatusCode.OK, healthy.StatusCode);
        Assert.Equal(HttpStatusCode.Created, after.StatusCode);

        // The refused order was never written: once the summary counts the order made after recovery, it counts two.
        // Projections apply in feed order, so a refused order that had been committed would be counted by then too.
        var count = await EventuallyOrderCount(client, customer, atLeast: 2);
        Assert.Equal(2, count);
    }

    private static async Task<int> EventuallyOrderCount(HttpClient client, string customer, int atLeast)
    {
        // The bound only turns read models that never catch up into a failure; it is not a speed requirement.
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            var response = await client.Get($"/api/customers/{customer}/summary");
            if (response.StatusCode == HttpStatusCode.OK && (await response.Json()).Value<int>("orderCount") is var count && count >= atLeast)
                return count;
            Assert.True(DateTime.UtcNow < deadline, "the customer summary did not catch up within 2 minutes");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }
}
