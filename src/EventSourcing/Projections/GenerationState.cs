namespace EventSourcing.Projections;

/// <summary>Whether a generation answers reads or is being built to replace the one that does.</summary>
public enum GenerationState
{
    Active,
    Building,
}
