namespace EventSourcing.Diagnostics;

/// <summary>
/// What an operator may be shown of an exception: its type and message, never the stack trace (that goes to the
/// logs, which are for whoever runs the system, not for whoever can read an operational endpoint).
/// </summary>
public static class ErrorText
{
    /// <summary>Longest text kept, so a runaway message cannot bloat the store that keeps it.</summary>
    public const int MaxLength = 2000;

    /// <summary><c>Namespace.TypeName: message</c>, cut at <see cref="MaxLength"/>.</summary>
    public static string Of(Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var text = $"{error.GetType().FullName}: {error.Message}";
        return text.Length <= MaxLength ? text : text[..MaxLength];
    }
}
