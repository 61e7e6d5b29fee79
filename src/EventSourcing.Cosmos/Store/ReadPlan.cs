using System.Text;
using EventSourcing.Cosmos.Documents;
using EventSourcing.Store;

namespace EventSourcing.Cosmos.Store;

/// <summary>
/// How a stream read becomes one query over the stream's commits (inside its partition, in version order) and
/// which events of the returned commits to keep. Commit timestamps never go backwards within a stream, so
/// "as it was at an instant" is a prefix of commits.
/// </summary>
internal sealed record ReadPlan(string Query, IReadOnlyDictionary<string, object> Parameters, StreamReadOptions Options)
{
    public bool Forward => Options.Direction == ReadDirection.Forward;

    public static ReadPlan For(StreamReadOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var parameters = new Dictionary<string, object>(StringComparer.Ordinal);
        var query = new StringBuilder("SELECT * FROM c WHERE c.kind = 'commit'");
        if (options.Direction == ReadDirection.Forward)
        {
            if (options.FromVersion is { } from) Add(query, parameters, "c.last >= @from", "@from", from);
            if (options.UntilVersion is { } until) Add(query, parameters, "c.first <= @until", "@until", until);
        }
        else if (Start(options) is { } start)
            Add(query, parameters, "c.first <= @start", "@start", start);
        if (options.Until is { } instant) Add(query, parameters, "c.timestamp <= @instant", "@instant", UtcTimestampConverter.ToText(instant));
        query.Append(options.Direction == ReadDirection.Forward ? " ORDER BY c.first ASC" : " ORDER BY c.first DESC");
        return new ReadPlan(query.ToString(), parameters, options);
    }

    /// <summary>The events of <paramref name="commit"/> this read returns, in the read's order.</summary>
    public IEnumerable<EventEntry> Select(CommitDocument commit)
    {
        ArgumentNullException.ThrowIfNull(commit);
        if (Forward)
        {
            var from = Options.FromVersion ?? 0;
            var until = Options.UntilVersion ?? long.MaxValue;
            return commit.Events.Where(e => e.Version >= from && e.Version <= until);
        }
        var start = Start(Options) ?? long.MaxValue;
        return commit.Events.Reverse().Where(e => e.Version <= start);
    }

    // Backward reads start at the lower of "from" and "until".
    private static long? Start(StreamReadOptions options) =>
        (options.FromVersion, options.UntilVersion) switch
        {
            ({ } from, { } until) => Math.Min(from, until),
            ({ } from, null) => from,
            (null, { } until) => until,
            _ => null,
        };

    private static void Add(StringBuilder query, Dictionary<string, object> parameters, string condition, string name, object value)
    {
        query.Append(" AND ").Append(condition);
        parameters[name] = value;
    }
}
