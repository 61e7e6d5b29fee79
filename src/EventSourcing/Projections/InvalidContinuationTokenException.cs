namespace EventSourcing.Projections;

/// <summary>A continuation token that no previous page issued (edited, truncated or from another API).</summary>
public sealed class InvalidContinuationTokenException(string token)
    : ArgumentException("The continuation token is malformed; pass back the token a previous page returned.", "continuationToken")
{
    public string Token { get; } = token;
}
