namespace EventSourcing.Sagas;

/// <summary>Where a saga instance is in its life.</summary>
public enum SagaStatus
{
    /// <summary>Started and not finished.</summary>
    Running,
    /// <summary>Finished and did what it set out to do.</summary>
    Completed,
    /// <summary>Finished after undoing its steps (see <see cref="SagaOutcome"/>).</summary>
    Compensated,
    /// <summary>Stopped by an error; it will not run again.</summary>
    Failed,
}
