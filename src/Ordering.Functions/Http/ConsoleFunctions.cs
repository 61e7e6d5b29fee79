using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Ordering.Http.Endpoints;

namespace Ordering.Functions.Http;

/// <summary>
/// The operator console's files, at /api/console/ (the host puts every function under its route prefix). Anonymous like
/// the local host's /console: the page holds no data; every API call it makes sends the key the operator enters.
/// </summary>
public static class ConsoleFunctions
{
    [Function("OperatorConsole")]
    public static IResult Files([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "console/{*path}")] HttpRequest request, string? path) =>
        ConsoleEndpoints.File(request, path);
}
