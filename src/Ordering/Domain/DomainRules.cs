using EventSourcing.Deciders;

namespace Ordering.Domain;

/// <summary>Value checks shared by the deciders. Each failure is a 400 naming the field; nothing is appended.</summary>
internal static class DomainRules
{
    public const int MaxSkuLength = 64;

    public static void PositiveQuantity(int quantity, string field = "quantity")
    {
        if (quantity <= 0) throw CommandValidationException.For(field, $"'{field}' must be greater than zero.");
    }

    public static void PositiveAmount(decimal amount, string field)
    {
        if (amount <= 0) throw CommandValidationException.For(field, $"'{field}' must be greater than zero.");
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

    /// <summary>A SKU names a stream (<c>inventory-{sku}</c>) and a URL segment, so it is short and plain.</summary>
    public static void Sku(string? sku)
    {
        Text(sku, "sku", MaxSkuLength);
        if (!sku!.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            throw CommandValidationException.For("sku", "'sku' may hold only letters, digits, '-', '_' and '.'.");
    }

    /// <summary>An ISO 4217 code: three upper-case letters.</summary>
    public static void Currency(string? currency, string field = "currency")
    {
        if (currency is not { Length: 3 } || !currency.All(char.IsAsciiLetterUpper))
            throw CommandValidationException.For(field, $"'{field}' must be an ISO 4217 code such as EUR.");
    }

    public static DomainRuleViolationException Violation(string code, string message) => new(code, message);
}
