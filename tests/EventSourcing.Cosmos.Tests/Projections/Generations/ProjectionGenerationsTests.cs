using EventSourcing.Cosmos.Projections;
using EventSourcing.Cosmos.Projections.Generations;

namespace EventSourcing.Cosmos.Tests.Projections.Generations;

public sealed class ProjectionGenerationsTests
{
    [Fact]
    public void Generation_one_keeps_the_plain_name_and_later_ones_get_a_suffix_no_projection_can_have()
    {
        Assert.Equal("order-details", ProjectionGenerations.PhysicalName("order-details", 1));
        Assert.Equal("order-details@v2", ProjectionGenerations.PhysicalName("order-details", 2));
        Assert.Equal("order-details@v12", ProjectionGenerations.PhysicalName("order-details", 12));
        Assert.Throws<ArgumentOutOfRangeException>(() => ProjectionGenerations.PhysicalName("order-details", 0));
        Assert.Throws<ArgumentException>(() => EventSourcing.Projections.ProjectionNames.Validate("order-details@v2"));
    }

    [Fact]
    public void The_record_id_never_collides_with_a_read_model_document_id()
    {
        var id = ProjectionGenerations.RecordId("order-details");

        Assert.Equal("_generations:order-details", id);
        // A read-model id starts with a projection name ([a-z0-9-]), so even a projection named "generations" differs.
        Assert.NotEqual(id, ReadModelDocumentJson.Id("generations", "order-details"));
    }

    [Fact]
    public void A_generation_processor_is_named_after_the_main_one_the_projection_and_the_generation()
    {
        Assert.Equal("projections-order-details-v2", ProjectionGenerations.ProcessorName("projections", "order-details", 2));
    }

    [Fact]
    public void A_rebuild_builds_the_generation_after_the_active_one()
    {
        Assert.Equal((new GenerationsRecord("p", 1, 2), 2, true), ProjectionGenerations.StartRebuild(GenerationsRecord.Initial("p")));
        Assert.Equal((new GenerationsRecord("p", 3, 4), 4, true), ProjectionGenerations.StartRebuild(new("p", 3, null)));
    }

    [Fact]
    public void A_rebuild_asked_for_while_one_runs_returns_the_running_generation_and_changes_nothing()
    {
        var running = new GenerationsRecord("p", 1, 2);

        Assert.Equal((running, 2, false), ProjectionGenerations.StartRebuild(running));
    }

    [Fact]
    public void The_generation_being_built_takes_over_only_once_its_processor_has_nothing_pending()
    {
        var building = new GenerationsRecord("p", 1, 2);

        Assert.Equal(new GenerationsRecord("p", 2, null), ProjectionGenerations.Promote(building, 2, lag: 0));
        Assert.Null(ProjectionGenerations.Promote(building, 2, lag: 5));
        Assert.Null(ProjectionGenerations.Promote(building, 2, lag: null)); // no leases yet: nothing is known
        Assert.Null(ProjectionGenerations.Promote(building, 3, lag: 0)); // not the one being built
        Assert.Null(ProjectionGenerations.Promote(new("p", 2, null), 2, lag: 0)); // already active
    }

    [Fact]
    public void The_main_processor_writes_a_projection_only_while_generation_one_is_active()
    {
        Assert.True(ProjectionGenerations.MainProcessorWrites(GenerationsRecord.Initial("p")));
        Assert.True(ProjectionGenerations.MainProcessorWrites(new("p", 1, 2))); // generation 1 still answers during the rebuild
        Assert.False(ProjectionGenerations.MainProcessorWrites(new("p", 2, null)));
        Assert.False(ProjectionGenerations.MainProcessorWrites(new("p", 2, 3)));
    }

    [Fact]
    public void Every_active_generation_past_one_and_every_one_being_built_needs_a_processor()
    {
        var keys = ProjectionGenerations.ProcessorsToRun(
        [
            GenerationsRecord.Initial("never-rebuilt"),
            new("building", 1, 2),
            new("rebuilt", 2, null),
            new("rebuilt-twice-and-again", 3, 4),
        ]);

        Assert.Equal(
            [new("building", 2), new("rebuilt", 2), new("rebuilt-twice-and-again", 3), new GenerationKey("rebuilt-twice-and-again", 4)],
            keys);
    }
}
