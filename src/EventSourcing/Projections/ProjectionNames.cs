using System.Text.RegularExpressions;

namespace EventSourcing.Projections;

/// <summary>Rules for projection names and queryable property names, the same for every store.</summary>
public static partial class ProjectionNames
{
    /// <summary>Longest projection name accepted.</summary>
    public const int MaxLength = 64;

    /// <summary>Throws <see cref="ArgumentException"/> unless <paramref name="name"/> is lowercase letters, digits and single '-' between them.</summary>
    public static void Validate(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length > MaxLength || !NamePattern().IsMatch(name))
            throw new ArgumentException($"Projection name '{name}' must be 1 to {MaxLength} lowercase letters, digits and '-'.", nameof(name));
    }

    /// <summary>Throws <see cref="ArgumentException"/> unless <paramref name="property"/> is a plain top-level JSON property name.</summary>
    // Stores splice property names into index definitions and JSON paths, so only identifiers are allowed.
    public static void ValidateProperty(string property)
    {
        ArgumentNullException.ThrowIfNull(property);
        if (property.Length > MaxLength || !PropertyPattern().IsMatch(property))
            throw new ArgumentException($"'{property}' is not a queryable property; use a top-level name of letters, digits and '_'.", nameof(property));
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex NamePattern();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex PropertyPattern();
}
