using System.Text.Json.Serialization;

namespace EventSourcing.Cosmos.Feed;

/// <summary>
/// The first <paramref name="Count"/> commit events of a page were returned; <paramref name="Hash"/> identifies them, so
/// they are skipped only in a page that really starts with them (the whole-container feed may serve another feed
/// range's page first when it is read again, and a split can reshape pages).
/// </summary>
internal sealed record DeliveredPrefix(
    [property: JsonPropertyName("n")] int Count,
    [property: JsonPropertyName("h")] string Hash);
