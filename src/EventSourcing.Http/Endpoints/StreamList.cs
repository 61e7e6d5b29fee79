using EventSourcing.Store;

namespace EventSourcing.Http.Endpoints;

/// <summary>A page of the stream listing.</summary>
/// <param name="Next">The <c>after</c> that asks for the following page; null when there is none.</param>
public sealed record StreamList(IReadOnlyList<StreamSummary> Streams, string? Next);
