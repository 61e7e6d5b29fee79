namespace EventSourcing.Projections;

/// <summary>An operation named a projection the runner does not have.</summary>
public sealed class UnknownProjectionException(string name) : KeyNotFoundException($"There is no projection named '{name}'.")
{
    /// <summary>The projection name asked for.</summary>
    public string Name { get; } = name;
}
