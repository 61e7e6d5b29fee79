using System.Collections;
using System.Text.Json;
using EventSourcing.Serialization;

namespace Ordering.Tests.Support;

/// <summary>
/// Value equality that also looks inside lists. Records compare nested lists by reference, so two
/// CheckoutRequested events with the same lines would otherwise differ.
/// </summary>
public static class Structural
{
    public static bool Equal(object? expected, object? actual) => (expected, actual) switch
    {
        (null, null) => true,
        (null, _) or (_, null) => false,
        (string a, string b) => a == b,
        (IEnumerable a, IEnumerable b) => SequenceEqual(a.Cast<object?>().ToList(), b.Cast<object?>().ToList()),
        _ when expected.GetType() != actual.GetType() => false,
        _ when IsValue(expected.GetType()) => expected.Equals(actual),
        _ => expected.GetType().GetProperties().All(p => Equal(p.GetValue(expected), p.GetValue(actual))),
    };

    /// <summary>One event a line, with its type, for failure messages.</summary>
    public static string Show<T>(IEnumerable<T> events) where T : notnull =>
        string.Join('\n', events.Select(e => $"  {e.GetType().Name} {JsonSerializer.Serialize(e, e.GetType(), EventSerializer.DefaultOptions)}"))
        is { Length: > 0 } text ? text : "  (none)";

    private static bool SequenceEqual(List<object?> a, List<object?> b) =>
        a.Count == b.Count && a.Zip(b).All(pair => Equal(pair.First, pair.Second));

    private static bool IsValue(Type type) => type.IsPrimitive || type.IsEnum || type == typeof(decimal) || type == typeof(DateTimeOffset);
}
