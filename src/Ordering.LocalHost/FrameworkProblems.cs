using Microsoft.AspNetCore.Http;

namespace Ordering.LocalHost;

/// <summary>
/// Gives the errors ASP.NET answers before an endpoint runs (unknown route, wrong method, a body that is
/// not JSON) the same machine-readable <c>code</c> the API's own problems carry.
/// </summary>
internal static class FrameworkProblems
{
    public static void AddCode(ProblemDetailsContext context)
    {
        var code = context.ProblemDetails.Status switch
        {
            StatusCodes.Status404NotFound => "not-found",
            StatusCodes.Status405MethodNotAllowed => "method-not-allowed",
            StatusCodes.Status415UnsupportedMediaType => "unsupported-media-type",
            _ => null,
        };
        if (code is not null) context.ProblemDetails.Extensions["code"] = code;
    }
}
