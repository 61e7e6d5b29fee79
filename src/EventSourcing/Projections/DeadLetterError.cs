namespace EventSourcing.Projections;

/// <summary>
/// What a dead letter keeps of the error that parked it: the exception's type and message (and its inner ones'),
/// never its stack trace. Dead letters are shown over HTTP; a stack trace tells an attacker how the code is built,
/// so it goes to the logs only.
/// </summary>
public static class DeadLetterError
{
    /// <summary>The longest error text kept.</summary>
    public const int MaxLength = 8000;

    /// <summary>"Type: message", followed by " ---> Type: message" for each inner exception, at most <see cref="MaxLength"/> characters.</summary>
    public static string Describe(Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var parts = new List<string>();
        for (var e = error; e is not null; e = e.InnerException) parts.Add($"{e.GetType().FullName}: {e.Message}");
        var text = string.Join(" ---> ", parts);
        return text.Length <= MaxLength ? text : text[..MaxLength];
    }
}
