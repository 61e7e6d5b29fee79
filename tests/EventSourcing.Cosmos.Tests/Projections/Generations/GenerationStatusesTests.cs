using EventSourcing.Cosmos.Projections.Generations;
using EventSourcing.Cosmos.Tests.Support;
using EventSourcing.Projections;

namespace EventSourcing.Cosmos.Tests.Projections.Generations;

public sealed class GenerationStatusesTests
{
    [Fact]
    public void The_active_generation_reports_its_number_and_its_own_processor_lag()
    {
        var running = Assert.Single(GenerationStatuses.For(new("p", 2, null), new(0, 1), null, Commits.At));
        var behind = Assert.Single(GenerationStatuses.For(GenerationsRecord.Initial("p"), new(7, 0), null, Commits.At));

        Assert.Equal(new ProjectionStatus("p", 2, 0, 0, ProjectionStatus.Running, Commits.At, 1), running);
        Assert.Equal(new ProjectionStatus("p", 1, 0, 7, ProjectionStatus.CatchingUp, Commits.At, 0), behind);
    }

    [Fact]
    public void During_a_rebuild_the_generation_being_built_is_listed_too_as_rebuilding()
    {
        var statuses = GenerationStatuses.For(new("p", 1, 2), new(0, 0), new GenerationProgress(40, 2), Commits.At);

        Assert.Equal(
            [
                new ProjectionStatus("p", 1, 0, 0, ProjectionStatus.Running, Commits.At, 0),
                new ProjectionStatus("p", 2, 0, 40, ProjectionStatus.Rebuilding, Commits.At, 2),
            ],
            statuses);
        // Before its processor has leases, the new generation's lag is not known yet: 0, still Rebuilding.
        Assert.Equal((0L, ProjectionStatus.Rebuilding),
            GenerationStatuses.For(new("p", 1, 2), new(0, 0), new GenerationProgress(null, 0), Commits.At)[1] is var s ? (s.Lag, s.Status) : default);
    }
}
