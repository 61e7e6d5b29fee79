using System.Globalization;

namespace EventSourcing.Cosmos.Projections.Generations;

/// <summary>
/// The decisions of blue/green rebuilds on Cosmos, pure so they are tested without a server. Each generation has one
/// writer: generation 1 the main processor, every later one a processor of its own that starts from the beginning of
/// the feed. One writer per generation keeps per-stream order, so the read-model version guard stays correct.
/// </summary>
public static class ProjectionGenerations
{
    private const string Separator = "@v";

    /// <summary>
    /// The name a generation's documents (and dead letters) are stored under. Generation 1 keeps the plain name, so
    /// data written before rebuilds existed is generation 1 as it is. '@' cannot occur in a projection name, so a
    /// generation never collides with another projection.
    /// </summary>
    public static string PhysicalName(string projection, int generation)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(generation, 1);
        return generation == 1 ? projection : string.Create(CultureInfo.InvariantCulture, $"{projection}{Separator}{generation}");
    }

    /// <summary>The id (and partition key) of a projection's record; '_' cannot start a read-model id, whose projection part is [a-z0-9-].</summary>
    public static string RecordId(string projection) => $"_generations:{projection}";

    /// <summary>The processor that writes generation <paramref name="generation"/> (>= 2); its leases and estimator are keyed by this name.</summary>
    public static string ProcessorName(string mainProcessor, string projection, int generation) =>
        string.Create(CultureInfo.InvariantCulture, $"{mainProcessor}-{projection}-v{generation}");

    /// <summary>
    /// The record after a rebuild request, and the generation being built. A rebuild already under way is left alone
    /// and its generation returned, so asking twice (a retried request) starts nothing new.
    /// </summary>
    public static (GenerationsRecord Record, int Building, bool Changed) StartRebuild(GenerationsRecord current)
    {
        ArgumentNullException.ThrowIfNull(current);
        if (current.Building is { } running) return (current, running, false);
        var next = current.Active + 1;
        return (current with { Building = next }, next, true);
    }

    /// <summary>
    /// The record once <paramref name="generation"/> takes over, or null when it must not yet: it is not the one being
    /// built, or its processor still has changes pending (or has no leases yet: <paramref name="lag"/> null).
    /// </summary>
    public static GenerationsRecord? Promote(GenerationsRecord current, int generation, long? lag)
    {
        ArgumentNullException.ThrowIfNull(current);
        return current.Building == generation && lag == 0 ? current with { Active = generation, Building = null } : null;
    }

    /// <summary>Whether the main processor writes the projection: only while generation 1 is active (a rebuilt one has its own writer for good).</summary>
    public static bool MainProcessorWrites(GenerationsRecord current)
    {
        ArgumentNullException.ThrowIfNull(current);
        return current.Active == 1;
    }

    /// <summary>The generations that need a processor besides the main one: an active one past 1, and the one being built.</summary>
    public static IReadOnlyList<GenerationKey> ProcessorsToRun(IEnumerable<GenerationsRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var keys = new List<GenerationKey>();
        foreach (var record in records)
        {
            if (record.Active >= 2) keys.Add(new(record.Projection, record.Active));
            if (record.Building is { } building) keys.Add(new(record.Projection, building));
        }
        return keys;
    }
}
