namespace EventSourcing.Http.Pipeline;

/// <summary>A request the HTTP layer cannot read (bad header, query or JSON): 400 with the field named.</summary>
/// <param name="field">The header, query parameter or body field at fault.</param>
/// <param name="message">What is wrong with it, for the caller.</param>
public sealed class BadRequestException(string field, string message) : Exception(message)
{
    /// <summary>The header, query parameter or body field at fault (the key of the problem's <c>errors</c>).</summary>
    public string Field { get; } = field;
}
