using System.Net;
using EventSourcing.Projections;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Ordering.LocalHost.Tests.Support;

namespace Ordering.LocalHost.Tests.InProcess;

/// <summary>
/// .NET stops the whole host when a BackgroundService throws (BackgroundServiceExceptionBehavior.StopHost). The host's
/// loops must outlive what they depend on: here the projection-lag estimator the OpenTelemetry reporter samples throws
/// on every call, and the host must keep serving while the reporter backs off and asks again.
/// </summary>
public sealed class BackgroundLoopHostTests : IAsyncDisposable
{
    private readonly InProcessApi _api = new();
    private readonly FakeTimeProvider _time = new();
    private readonly WebApplicationFactory<Program> _host;
    private ThrowingEstimator? _estimator;

    public BackgroundLoopHostTests()
    {
        // Nothing listens there: the exporter's sends fail quietly, which is not what this test is about.
        _api.Settings["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://127.0.0.1:9";
        _host = _api.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            services.Replace(ServiceDescriptor.Singleton<TimeProvider>(_time));
            var runner = services.Single(s => s.ServiceType == typeof(IProjectionRuntime));
            services.Replace(ServiceDescriptor.Singleton<IProjectionRuntime>(sp =>
                _estimator = new ThrowingEstimator((IProjectionRuntime)runner.ImplementationFactory!(sp))));
        }));
    }

    [Fact]
    public async Task A_lag_estimator_that_throws_leaves_the_host_serving_and_is_asked_again_after_a_pause()
    {
        using var client = _host.CreateClient();
        var lifetime = _host.Services.GetRequiredService<IHostApplicationLifetime>();

        await CheckoutDriver.Eventually(() => Task.FromResult(_estimator?.Calls >= 1));
        // The pauses run on the fake clock: moved on in steps until the reporter has come back twice.
        await CheckoutDriver.Eventually(() =>
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            return Task.FromResult(_estimator!.Calls >= 3);
        }, seconds: 30);
        var health = await client.Get("/api/health");
        var created = await client.Post("/api/orders", new { customerId = "cust-loops" });

        Assert.False(lifetime.ApplicationStopping.IsCancellationRequested, "the host was asked to stop");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        await _api.DisposeAsync();
    }

    /// <summary>The projection runtime with its lag estimate out of reach, as a Cosmos estimator can be; everything else works.</summary>
    private sealed class ThrowingEstimator(IProjectionRuntime inner) : IProjectionRuntime
    {
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        public IReadOnlyCollection<string> Projections => inner.Projections;

        public Task<IReadOnlyList<ProjectionStatus>> GetStatusAsync(CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _calls);
            throw new InvalidOperationException("the change-feed estimator is out of reach");
        }

        public Task RunAsync(CancellationToken cancellationToken) => inner.RunAsync(cancellationToken);

        public Task CatchUpAsync(CancellationToken cancellationToken = default) => inner.CatchUpAsync(cancellationToken);

        public Task<int> RebuildAsync(string projection, CancellationToken cancellationToken = default) => inner.RebuildAsync(projection, cancellationToken);

        public Task<DeadLetterRetryResult> RetryDeadLettersAsync(string projection, CancellationToken cancellationToken = default) =>
            inner.RetryDeadLettersAsync(projection, cancellationToken);

        public Task<IReadOnlyList<DeadLetter>> GetDeadLettersAsync(string projection, CancellationToken cancellationToken = default) =>
            inner.GetDeadLettersAsync(projection, cancellationToken);

        public Task<bool> WaitForPositionAsync(string projection, long position, TimeSpan timeout, CancellationToken cancellationToken = default) =>
            inner.WaitForPositionAsync(projection, position, timeout, cancellationToken);

        public Task<bool> WaitForDocumentVersionAsync(
            string projection, string key, string streamId, long version, TimeSpan timeout, CancellationToken cancellationToken = default) =>
            inner.WaitForDocumentVersionAsync(projection, key, streamId, version, timeout, cancellationToken);
    }
}
