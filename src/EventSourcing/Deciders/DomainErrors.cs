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

/// <summary>
/// A command whose values are invalid whatever the state (a zero quantity, a missing SKU). Hosts answer
/// 400 with <see cref="Errors"/> as the field map. Nothing is appended.
/// </summary>
public class CommandValidationException(IReadOnlyDictionary<string, string[]> errors)
    : Exception("The command is invalid: " + string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}")))
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    /// <summary>One invalid field.</summary>
    public static CommandValidationException For(string field, string error) => new(new Dictionary<string, string[]> { [field] = [error] });
}
