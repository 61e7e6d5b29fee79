using System.Diagnostics;
using EventSourcing.Serialization;
using EventSourcing.Store;
using Ordering.ReadModels;
using static Ordering.Benchmarks.Report;

namespace Ordering.Benchmarks.CatchUp;

/// <summary>
/// Where catch-up time goes, by timing its pieces alone (no profiler on the build machines): the runner reads every
/// page of the feed and decodes every event once per read model, then loads, applies, serializes and commits documents.
/// </summary>
internal static class CatchUpPieces
{
    // The runner's default page size.
    private const int PageSize = 256;

    public static async Task PrintAsync(IEventFeed feed, EventSerializer serializer, long head, TimeSpan catchUp)
    {
        var models = OrderingReadModels.All.Count;
        var pages = new List<IReadOnlyList<RecordedEvent>>();
        var started = Stopwatch.GetTimestamp();
        for (var from = 1L; from <= head;)
        {
            var page = await feed.ReadAllAsync(from, PageSize);
            if (page.Count == 0) break;
            pages.Add(page);
            from = page[^1].Position!.Value + 1;
        }
        var read = Stopwatch.GetElapsedTime(started);

        started = Stopwatch.GetTimestamp();
        foreach (var recorded in pages.SelectMany(p => p)) serializer.Deserialize(recorded);
        var decode = Stopwatch.GetElapsedTime(started);

        var rest = catchUp - (read + decode) * models;
        Print($"Pieces: reading the feed once {read.TotalSeconds:F2} s, decoding every event once {decode.TotalSeconds:F2} s; x{models} read models = {(read + decode).TotalSeconds * models:F2} s ({(read + decode) * models / catchUp:P0} of catch-up)");
        Print($"        the rest (load documents, apply, serialize, commit with checkpoint): {rest.TotalSeconds:F2} s ({rest / catchUp:P0})");
    }
}
