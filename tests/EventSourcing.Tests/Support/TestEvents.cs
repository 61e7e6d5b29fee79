using System.Text;
using EventSourcing.Store;

namespace EventSourcing.Tests.Support;

/// <summary>Small raw events for store tests, each with a fresh id.</summary>
public static class TestEvents
{
    public static EventData New(string type = "Something", string json = """{"n":1}""", EventMetadata? metadata = null) =>
        new(Guid.NewGuid(), type, 1, Encoding.UTF8.GetBytes(json), metadata ?? EventMetadata.Empty);

    public static EventData[] Many(int count, string type = "Something") =>
        [.. Enumerable.Range(1, count).Select(i => New(type, $$"""{"n":{{i}}}"""))];

    public static string Stream(string prefix = "test") => $"{prefix}-{Guid.NewGuid():N}";

    public static string Text(this RecordedEvent e) => Encoding.UTF8.GetString(e.Data.Span);
}
