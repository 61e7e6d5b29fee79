namespace Ordering.Benchmarks.Http;

/// <summary>How long the http mode's load runs, and over how many orders.</summary>
/// <param name="IsQuick">A smoke run: it proves the load runs; its rates are not comparable to the targets.</param>
internal sealed record CommandLoad(TimeSpan Warmup, TimeSpan Duration, int Orders, bool IsQuick)
{
    public static CommandLoad Full { get; } = new(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(10), 1_000, IsQuick: false);

    public static CommandLoad Quick { get; } = new(TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(2), 200, IsQuick: true);
}
