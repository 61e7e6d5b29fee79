namespace EventSourcing.Projections;

public sealed partial class ProjectionRunner : IProjectionRuntime
{
    // Set only by Over: every public operation then goes to this runtime and the feed machinery stays unused.
    private readonly IProjectionRuntime? _runtime;

    private ProjectionRunner(IProjectionRuntime runtime)
    {
        _runtime = runtime;
        _feed = null!;
        _store = null!;
        _options = new ProjectionRunnerOptions();
        _logger = Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
    }

    /// <summary>
    /// A runner whose projections are kept by another runtime (the Cosmos change-feed processor): every operation is
    /// forwarded to <paramref name="runtime"/>, so hosts and applications written against <see cref="ProjectionRunner"/>
    /// run unchanged on a store without a global feed.
    /// </summary>
    public static ProjectionRunner Over(IProjectionRuntime runtime) => new(runtime ?? throw new ArgumentNullException(nameof(runtime)));
}
