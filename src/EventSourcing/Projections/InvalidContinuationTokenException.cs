namespace EventSourcing.Projections;

/// <summary>A continuation token that no previous page issued (edited, truncated or from another API).</summary>
public sealed class InvalidContinuationTokenException(string token)
    : ArgumentException("The continuation token is malformed; pass back the token a previous page returned.", "continuationToken")
{
    /// <summary>The token as the caller sent it.</summary>
    public string Token { get; } = token;
}
