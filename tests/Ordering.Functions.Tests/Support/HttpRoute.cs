namespace Ordering.Functions.Tests.Support;

/// <summary>A verb and a path template as a client calls it, e.g. <c>POST /api/orders/{orderId}/items</c>.</summary>
internal sealed record HttpRoute(string Method, string Path) : IComparable<HttpRoute>
{
    /// <summary>The route with upper-case verb and no trailing slash, so hosts that spell them differently compare equal.</summary>
    public static HttpRoute Of(string method, string path) => new(method.ToUpperInvariant(), "/" + path.Trim('/'));

    /// <summary>A concrete URL for it: every route parameter filled with a placeholder.</summary>
    public string SampleUrl => System.Text.RegularExpressions.Regex.Replace(Path, "{[^}]+}", "sample");

    public int CompareTo(HttpRoute? other) => string.CompareOrdinal(ToString(), other?.ToString());

    public override string ToString() => $"{Method} {Path}";
}
