using Ordering.Http.Pipeline;

namespace Ordering.LocalHost;

/// <summary>
/// When <c>Auth:ApiKey</c> is set, every request that is not a GET or HEAD needs a matching X-Api-Key.
/// Unset means open, which is why the host binds to loopback by default.
/// </summary>
internal sealed class ApiKeyMiddleware(RequestDelegate next, IConfiguration configuration)
{
    public const string Header = "X-Api-Key";

    public async Task InvokeAsync(HttpContext context)
    {
        var expected = configuration["Auth:ApiKey"];
        if (string.IsNullOrEmpty(expected) || HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)
            || System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
                System.Text.Encoding.UTF8.GetBytes(context.Request.Headers[Header].ToString()), System.Text.Encoding.UTF8.GetBytes(expected)))
        {
            await next(context);
            return;
        }
        Correlation.Establish(context);
        await ApiResult.From(ApiResponse.Problem(401, "Unauthorized", $"Send the API key in the {Header} header.", "api-key-required")).ExecuteAsync(context);
    }
}
