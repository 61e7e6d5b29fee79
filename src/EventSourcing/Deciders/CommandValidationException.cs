namespace EventSourcing.Deciders;

/// <summary>
/// A command whose values are invalid whatever the state (a zero quantity, a missing SKU). Hosts answer
/// 400 with <see cref="Errors"/> as the field map. Nothing is appended.
/// </summary>
public class CommandValidationException(IReadOnlyDictionary<string, string[]> errors)
    : Exception("The command is invalid: " + string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}")))
{
    /// <summary>What is wrong, by field name (as problem details carry it).</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    /// <summary>One invalid field.</summary>
    public static CommandValidationException For(string field, string error) => new(new Dictionary<string, string[]> { [field] = [error] });
}
