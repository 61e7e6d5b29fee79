namespace EventSourcing.Deciders;

/// <summary>
/// A command the domain refuses in the current state (adding an item after checkout, shipping an
/// unconfirmed order). Hosts answer 409. Nothing is appended.
/// </summary>
public class DomainRuleViolationException(string code, string message) : Exception(message)
{
    /// <summary>A stable, machine-readable name of the rule, e.g. "order-already-checked-out".</summary>
    public string Code { get; } = code;
}
