namespace Ordering.Http.Pipeline;

/// <summary>A request the HTTP layer cannot read (bad header, query or JSON): 400 with the field named.</summary>
public sealed class BadRequestException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}
