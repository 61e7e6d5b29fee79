using EventSourcing.Deciders;

namespace BankAccounts;

/// <summary>Value checks shared by the deciders. Each failure is a 400 naming the field; nothing is appended.</summary>
internal static class BankRules
{
    public const int MaxIdLength = 64;

    public static void PositiveAmount(decimal amount, string field = "amount")
    {
        if (amount <= 0) throw CommandValidationException.For(field, $"'{field}' must be greater than zero.");
        if (decimal.Round(amount, 2) != amount) throw CommandValidationException.For(field, $"'{field}' must have at most two decimals.");
    }

    public static void NotNegative(decimal amount, string field)
    {
        if (amount < 0) throw CommandValidationException.For(field, $"'{field}' must not be negative.");
    }

    public static void Text(string? value, string field, int maxLength = 200)
    {
        if (string.IsNullOrWhiteSpace(value)) throw CommandValidationException.For(field, $"'{field}' is required.");
        if (value.Length > maxLength) throw CommandValidationException.For(field, $"'{field}' must be at most {maxLength} characters.");
    }

    /// <summary>An id names a stream (<c>account-{id}</c>) and a URL segment, so it is short and plain.</summary>
    public static void Id(string? id, string field)
    {
        Text(id, field, MaxIdLength);
        if (!id!.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            throw CommandValidationException.For(field, $"'{field}' may hold only letters, digits, '-' and '_'.");
    }

    /// <summary>An ISO 4217 code: three upper-case letters.</summary>
    public static void Currency(string? currency, string field = "currency")
    {
        if (currency is not { Length: 3 } || !currency.All(char.IsAsciiLetterUpper))
            throw CommandValidationException.For(field, $"'{field}' must be an ISO 4217 code such as EUR.");
    }

    public static DomainRuleViolationException Violation(string code, string message) => new(code, message);
}
