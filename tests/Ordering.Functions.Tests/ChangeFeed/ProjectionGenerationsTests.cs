using EventSourcing.Cosmos.Projections;
using EventSourcing.Projections;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Ordering.Functions.Tests.Support;

namespace Ordering.Functions.Tests.ChangeFeed;

/// <summary>
/// The read-model trigger's dispatcher is composed as the local host's: it reads the projection generations, so once a
/// rebuilt generation is promoted (by a local host on the same account) the trigger writes that one, the one queries read.
/// </summary>
public sealed class ProjectionGenerationsTests : IAsyncDisposable
{
    private readonly FunctionsComposition _app = new();

    [Fact]
    public void The_read_model_trigger_dispatches_through_the_projection_generations()
    {
        var dispatcher = _app.Services.GetRequiredService<ChangeFeedDispatcher>();

        Assert.Same(_app.Services.GetRequiredService<CosmosReadModelStore>(), dispatcher.Generations.Source);
        Assert.Equal(Ordering.ReadModels.OrderingReadModels.All.Select(p => p.Name), dispatcher.Projections.Select(p => p.Name));
    }

    [Fact]
    public void Nothing_reads_the_change_feed_in_the_background_the_triggers_do()
    {
        var background = _app.Services.GetServices<IHostedService>().Select(s => s.GetType().Name).ToList();

        Assert.DoesNotContain("ProjectionWorker", background);
        Assert.DoesNotContain("SubscriptionWorker", background);
        Assert.DoesNotContain("SagaRunnerWorker", background);
        Assert.IsType<ChangeFeedProjections>(_app.Services.GetRequiredService<IProjectionRuntime>());
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
