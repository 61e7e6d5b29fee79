using System.Net;
using EventSourcing.Deciders;
using Ordering.Application;

namespace Ordering.Benchmarks.Http;

/// <summary>
/// The http mode's load: AddItem commands, a new SKU each so every one adds a line. Order o belongs to client o % 64,
/// as a customer's session would: every command finds its order where the last one left it, so the figures are not
/// muddied by conflict retries between clients.
/// </summary>
internal static class AddItemLoad
{
    public const int Clients = 64;

    /// <summary>Untimed: the orders the commands go to, created 64 at a time.</summary>
    public static async Task<string[]> CreateOrdersAsync(HttpClient client, Uri baseAddress, int count)
    {
        var orders = new Uri(baseAddress, "/api/orders");
        var orderIds = new string[count];
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = Clients }, async (o, _) =>
        {
            var created = await client.PostExpectingAsync(orders, $$"""{"customerId":"bench-{{o % 100:D3}}","currency":"EUR"}""", HttpStatusCode.Created);
            orderIds[o] = created["orderId"]!.GetValue<string>();
        });
        return orderIds;
    }

    public static Func<int, int, Task<string?>> OverHttp(HttpClient client, Uri baseAddress, string[] orderIds, string phase)
    {
        var uris = orderIds.Select(id => new Uri(baseAddress, $"/api/orders/{id}/items")).ToArray();
        return async (c, i) =>
        {
            using var response = await client.PostAsync(OwnedBy(uris, c, i), $$"""{"sku":"{{phase}}-{{c}}-{{i}}","quantity":1,"unitPrice":10.00}""");
            // Read the whole answer: a client is not done until it has the new version.
            var body = await response.Content.ReadAsStringAsync();
            return response.StatusCode == HttpStatusCode.OK ? null : $"{(int)response.StatusCode} {body}";
        };
    }

    /// <summary>The same commands straight into the application service: no HTTP, no API pipeline.</summary>
    public static Func<int, int, Task<string?>> InProcess(OrderingCommands commands, string[] orderIds, string phase) => async (c, i) =>
    {
        try
        {
            await commands.AddItemAsync(OwnedBy(orderIds, c, i), new AddItemRequest($"{phase}-{c}-{i}", 1, 10.00m, null), CommandContext.None, CancellationToken.None);
            return null;
        }
#pragma warning disable CA1031 // A failed command is counted and shown, not allowed to end the run.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return e.Message;
        }
    };

    private static T OwnedBy<T>(T[] orders, int client, int i)
    {
        var owned = (orders.Length - client + Clients - 1) / Clients;
        return orders[client + i % owned * Clients];
    }
}
