using System.Collections.ObjectModel;

namespace EventSourcing.Projections;

/// <summary>
/// Equality filters on top-level document properties (all must match), a page size and where to continue.
/// Filter values are strings, booleans, numbers or null, compared with the JSON value stored.
/// </summary>
public sealed record ReadModelQuery
{
    /// <summary>Largest page a query may ask for.</summary>
    public const int MaxLimit = 1000;

    private static readonly ReadOnlyDictionary<string, object?> NoFilters = new(new Dictionary<string, object?>());

    /// <summary>Property name to the value it must equal.</summary>
    public IReadOnlyDictionary<string, object?> Filters { get; init; } = NoFilters;

    /// <summary>Most documents in one page, 1 to <see cref="MaxLimit"/>.</summary>
    public int Limit { get; init; } = 100;

    /// <summary>The token of the previous page, or null for the first page.</summary>
    public string? ContinuationToken { get; init; }

    /// <summary>This query with one more equality filter.</summary>
    public ReadModelQuery Where(string property, object? value) =>
        this with { Filters = new Dictionary<string, object?>(Filters) { [property] = value } };

    /// <summary>Throws <see cref="ArgumentException"/> for a limit, property or value no store can honour.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Limit, 1, nameof(Limit));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Limit, MaxLimit, nameof(Limit));
        foreach (var (property, value) in Filters)
        {
            ProjectionNames.ValidateProperty(property);
            if (value is not (null or string or bool or int or long or short or byte or double or float or decimal))
                throw new ArgumentException($"Filter '{property}' has a {value.GetType().Name} value; use a string, boolean, number or null.", nameof(Filters));
        }
    }
}
