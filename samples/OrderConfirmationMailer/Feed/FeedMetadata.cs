namespace OrderConfirmationMailer.Feed;

/// <summary>Why an event happened: the request or workflow it belongs to and its direct cause.</summary>
internal sealed record FeedMetadata(string? CorrelationId, string? CausationId);
