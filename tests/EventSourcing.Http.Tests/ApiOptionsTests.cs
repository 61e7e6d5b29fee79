using System.Net;
using System.Text;
using System.Text.Json;
using EventSourcing.Http.Pipeline;
using EventSourcing.Http.Tests.Venues;
using Microsoft.Extensions.DependencyInjection;

namespace EventSourcing.Http.Tests;

/// <summary>The pipeline's limits are the host's to choose at registration, and one out of range stops the host at startup.</summary>
public sealed class ApiOptionsTests
{
    [Fact]
    public async Task The_body_limit_the_host_registers_is_the_one_a_command_meets()
    {
        await using var host = await VenueHost.StartAsync(new ApiOptions(MaxBodyBytes: 32));
        var padded = $"{{\"seats\":1,\"note\":\"{new string('x', 40)}\"}}";

        var tooLarge = await host.Client.PostAsync("/api/venues/hall/reservations", new StringContent(padded, Encoding.UTF8, "application/json"));
        var small = await host.Client.PostAsync("/api/venues/hall/reservations", new StringContent("{\"seats\":1}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        using var problem = JsonDocument.Parse(await tooLarge.Content.ReadAsStringAsync());
        Assert.Equal("payload-too-large", problem.RootElement.GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.OK, small.StatusCode);
    }

    public static TheoryData<ApiOptions, string> OutOfRange => new()
    {
        { new ApiOptions(MaxBodyBytes: 0), nameof(ApiOptions.MaxBodyBytes) },
        { new ApiOptions(IdempotencyWindow: TimeSpan.Zero), nameof(ApiOptions.IdempotencyWindow) },
        { new ApiOptions(IdempotencyLease: TimeSpan.FromMinutes(-1)), nameof(ApiOptions.IdempotencyLease) },
        { new ApiOptions(DuplicateWait: TimeSpan.FromSeconds(-1)), nameof(ApiOptions.DuplicateWait) },
    };

    [Theory]
    [MemberData(nameof(OutOfRange))]
    public void A_limit_out_of_range_is_refused_by_name(ApiOptions options, string name)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new ServiceCollection().AddEventSourcingHttp(options));

        Assert.Equal(name, error.ParamName);
    }
}
