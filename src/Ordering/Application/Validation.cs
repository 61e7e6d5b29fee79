using EventSourcing.Deciders;

namespace Ordering.Application;

/// <summary>Collects every missing or invalid field of a request, so one 400 names them all.</summary>
internal sealed class Validation
{
    private readonly Dictionary<string, string[]> _errors = [];

    public T Required<T>(T? value, string field) where T : struct
    {
        if (value is null) Add(field, $"'{field}' is required.");
        return value.GetValueOrDefault();
    }

    public string Required(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value)) Add(field, $"'{field}' is required.");
        return value ?? "";
    }

    public void Add(string field, string error) =>
        _errors[field] = _errors.TryGetValue(field, out var existing) ? [.. existing, error] : [error];

    /// <exception cref="CommandValidationException">Any field was invalid.</exception>
    public void ThrowIfInvalid()
    {
        if (_errors.Count > 0) throw new CommandValidationException(_errors);
    }
}
