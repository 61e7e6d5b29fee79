using EventSourcing.Deciders;
using EventSourcing.Hosting;
using EventSourcing.Http.Endpoints;
using EventSourcing.Http.Pipeline;
using EventSourcing.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EventSourcing.Http.Tests.Venues;

/// <summary>
/// A host of the venue domain as a team would write one: the building blocks on SQLite, <see cref="EventSourcingHttp.AddEventSourcingHttp"/>,
/// its own routes through the <see cref="ApiPipeline"/> and two of the library's domain-free endpoints. Served by Kestrel on
/// a loopback port, so the tests speak real HTTP.
/// </summary>
internal sealed class VenueHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _directory;

    private VenueHost(WebApplication app, string directory, HttpClient client)
    {
        _app = app;
        _directory = directory;
        Client = client;
    }

    public HttpClient Client { get; }

    public static async Task<VenueHost> StartAsync(ApiOptions? options = null)
    {
        var directory = Directory.CreateTempSubdirectory("venues-").FullName;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var services = builder.Services;
        services.AddEventSourcing(builder.Configuration, new EventTypeMap().Register<SeatsReserved>("SeatsReserved"))
            .UseSqlite(sqlite => sqlite.DataDirectory = directory);
        services.AddSingleton(sp => new CommandHandler<ReserveSeats, SeatsReserved, VenueState>(sp.GetRequiredService<AggregateStore>(), Venue.Decider));
        services.AddEventSourcingHttp(options);

        var app = builder.Build();
        var api = app.MapGroup("/api");
        api.MapPost("/venues/{venueId}/reservations", Reserve);
        api.MapGet("/venues/{venueId}", Get);
        api.MapGet("/streams/{streamId}/events", StreamEndpoints.Events);
        api.MapGet("/health", HealthEndpoints.Check);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new VenueHost(app, directory, new HttpClient { BaseAddress = new Uri(address) });
    }

    public static string StreamOf(string venueId) => $"venue-{venueId}";

    private static Task<IResult> Reserve(
        HttpRequest request, string venueId, ApiPipeline api, CommandHandler<ReserveSeats, SeatsReserved, VenueState> venues) =>
        api.CommandAsync(request, async (command, ct) =>
        {
            var result = await venues.HandleAsync(StreamOf(venueId), command.Read<ReserveSeats>(), command.Context, ct);
            return ApiResponse.Ok(new VenueView(venueId, result.State.Reserved, result.Version), result.Version);
        });

    private static Task<IResult> Get(HttpRequest request, string venueId, ApiPipeline api, AggregateStore store) =>
        api.QueryAsync(request, async ct =>
        {
            var loaded = await store.LoadAsync<SeatsReserved, VenueState>(
                StreamOf(venueId), Venue.Decider.Initial, Venue.Decider.Evolve, cancellationToken: ct);
            if (loaded.Version == 0) throw new NotFoundException($"No venue '{venueId}' has reservations.");
            return ApiResponse.Ok(new VenueView(venueId, loaded.State.Reserved, loaded.Version), loaded.Version);
        });

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }
}
