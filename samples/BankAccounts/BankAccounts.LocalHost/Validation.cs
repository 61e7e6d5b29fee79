using EventSourcing.Deciders;

namespace BankAccounts.LocalHost;

/// <summary>Collects every missing field of a request body, so one 400 names them all; value rules live in the deciders.</summary>
internal sealed class Validation
{
    private readonly Dictionary<string, string[]> _errors = [];

    public T Required<T>(T? value, string field) where T : struct
    {
        if (value is null) _errors[field] = [$"'{field}' is required."];
        return value.GetValueOrDefault();
    }

    public string Required(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value)) _errors[field] = [$"'{field}' is required."];
        return value ?? "";
    }

    /// <exception cref="CommandValidationException">A field was missing.</exception>
    public void ThrowIfInvalid()
    {
        if (_errors.Count > 0) throw new CommandValidationException(_errors);
    }
}
