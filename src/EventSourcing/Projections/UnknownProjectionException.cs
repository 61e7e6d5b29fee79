namespace EventSourcing.Projections;

/// <summary>An operation named a projection the runner does not have.</summary>
public sealed class UnknownProjectionException(string name) : KeyNotFoundException($"There is no projection named '{name}'.")
{
    public string Name { get; } = name;
}
