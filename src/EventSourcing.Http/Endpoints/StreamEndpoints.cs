using EventSourcing.Http.Pipeline;
using EventSourcing.Http.Reads;
using EventSourcing.Store;
using Microsoft.AspNetCore.Http;

namespace EventSourcing.Http.Endpoints;

/// <summary>The audit trail: any stream's events as stored, with their envelopes; and the streams there are.</summary>
public static class StreamEndpoints
{
    /// <summary>
    /// Streams by id order, optionally those whose id starts with <c>prefix</c>, a page at a time: <c>next</c> is the
    /// <c>after</c> of the following page, null when this one is the last.
    /// </summary>
    public static Task<IResult> List(HttpRequest request, ApiPipeline api, IStreamDirectory directory) =>
        api.QueryAsync(request, async ct =>
        {
            var prefix = Bounded(request, "prefix");
            var after = Bounded(request, "after");
            var maxCount = (int)(QueryParameters.WholeNumber(request, "maxCount", min: 1, max: 1000) ?? 100);
            var streams = await directory.ListStreamsAsync(prefix, after, maxCount, ct);
            return ApiResponse.Ok(new StreamList(streams, streams.Count == maxCount ? streams[^1].StreamId : null));
        });

    /// <summary>GET: a page of one stream's events as stored, with the stream's version as ETag.</summary>
    public static Task<IResult> Events(HttpRequest request, string streamId, ApiPipeline api, AuditTrail trail) =>
        api.QueryAsync(request, async ct =>
        {
            var page = await trail.ReadAsync(
                streamId,
                QueryParameters.Enum<ReadDirection>(request, "direction") ?? ReadDirection.Forward,
                QueryParameters.WholeNumber(request, "fromVersion", min: 0),
                (int)(QueryParameters.WholeNumber(request, "maxCount", min: 1, max: 1000) ?? 100),
                ct);
            return ApiResponse.Ok(page, page.Version);
        });

    private static string? Bounded(HttpRequest request, string name) =>
        QueryParameters.Text(request, name) is { } text && text.Length > StreamId.MaxLength
            ? throw new BadRequestException(name, $"'{name}' is at most {StreamId.MaxLength} characters, as stream ids are.")
            : QueryParameters.Text(request, name);
}
