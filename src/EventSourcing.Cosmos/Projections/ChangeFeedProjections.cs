using EventSourcing.Cosmos.ChangeFeed;
using EventSourcing.Cosmos.Diagnostics;
using EventSourcing.Cosmos.Documents;
using EventSourcing.Projections;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EventSourcing.Cosmos.Projections;

/// <summary>
/// The projection runtime on Cosmos: a change-feed processor over the events container hands each batch to the
/// <see cref="ChangeFeedDispatcher"/> (the same one the Functions CosmosDBTrigger calls) and checkpoints its lease only
/// after the dispatcher returned. Lag comes from the change-feed estimator. Hosts and applications use it through
/// <see cref="IProjectionRuntime"/>, as they use the SQLite <see cref="ProjectionRunner"/>.
/// </summary>
public sealed partial class ChangeFeedProjections : IProjectionRuntime
{
    private readonly Container _events;
    private readonly Container _leases;
    private readonly ChangeFeedDispatcher _dispatcher;
    private readonly IDeadLetterStore _deadLetters;
    private readonly IReadModelDocuments _documents;
    private readonly ChangeFeedProjectionOptions _options;
    private readonly ILogger _logger;

    public ChangeFeedProjections(
        Container events, Container leases, ChangeFeedDispatcher dispatcher, IDeadLetterStore deadLetters, IReadModelDocuments documents,
        ChangeFeedProjectionOptions? options = null, ILogger<ChangeFeedProjections>? logger = null)
    {
        _events = events ?? throw new ArgumentNullException(nameof(events));
        _leases = leases ?? throw new ArgumentNullException(nameof(leases));
        _dispatcher = dispatcher ?? throw new ArgumentNullException(nameof(dispatcher));
        _deadLetters = deadLetters ?? throw new ArgumentNullException(nameof(deadLetters));
        _documents = documents ?? throw new ArgumentNullException(nameof(documents));
        _options = options ?? new ChangeFeedProjectionOptions();
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    public IReadOnlyCollection<string> Projections => [.. _dispatcher.Projections.Select(p => p.Name)];

    /// <summary>
    /// Runs the change-feed processor until cancelled, then stops it (a batch in flight is delivered again later),
    /// together with a processor for each generation a rebuild left to write (see <see cref="RebuildAsync"/>).
    /// </summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        lock (_gate) _lifetime = cancellationToken;
        try
        {
            var recorded = StartRecordedGenerationsAsync(cancellationToken);
            var processor = ProcessorLoop.Build(_events, _leases, _options.ProcessorName, (context, changes, ct) => HandleAsync(_dispatcher, context, changes, ct), _options, _logger);
            await ProcessorLoop.RunAsync(processor, _options.RestartDelay, _options.TimeProvider, _logger, cancellationToken);
            await recorded;
        }
        finally
        {
            await StopGenerationsAsync();
        }
    }

    private async Task HandleAsync(ChangeFeedDispatcher dispatcher, ChangeFeedProcessorContext context, Stream changes, CancellationToken cancellationToken)
    {
        RequestCharges.Record(_logger, "change-feed", context.LeaseToken, context.Headers.RequestCharge);
        await dispatcher.DispatchAsync(CosmosJson.ReadPage<CommitDocument>(changes), cancellationToken);
    }
}
