namespace EventSourcing.Projections;

/// <summary>Whether a generation answers reads or is being built to replace the one that does.</summary>
public enum GenerationState
{
    /// <summary>Answers reads.</summary>
    Active,
    /// <summary>Being built from position zero; takes over once it reaches the head.</summary>
    Building,
}
