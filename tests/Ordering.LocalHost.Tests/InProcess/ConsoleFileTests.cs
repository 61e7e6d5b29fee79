using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Ordering.LocalHost.Tests.Support;

namespace Ordering.LocalHost.Tests.InProcess;

/// <summary>The operator console's files at /console: what a browser gets, how it may cache it, and that nothing else can be reached.</summary>
public sealed partial class ConsoleFileTests : IAsyncDisposable
{
    private readonly InProcessApi _api = new();

    [Fact]
    public async Task The_root_and_the_bare_console_path_lead_to_the_console_page()
    {
        var client = _api.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var root = await client.Get("/");
        var bare = await client.Get("/console");
        var page = await client.Get("/console/");

        Assert.Equal(HttpStatusCode.Found, root.StatusCode);
        Assert.Equal("/console/", root.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Found, bare.StatusCode);
        Assert.Equal("/console/", bare.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html; charset=utf-8", page.Content.Headers.ContentType?.ToString());
        Assert.Contains("<main id=\"view\"", await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_file_the_page_loads_is_served_with_its_type_and_none_comes_from_another_site()
    {
        var client = _api.CreateClient();
        var pending = new Queue<string>(["index.html"]);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (pending.TryDequeue(out var file))
        {
            if (!seen.Add(file)) continue;
            var response = await client.Get($"/console/{file}");
            var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{file}: {(int)response.StatusCode}");
            Assert.Equal(Path.GetExtension(file) switch
            {
                ".html" => "text/html; charset=utf-8",
                ".js" => "text/javascript; charset=utf-8",
                ".css" => "text/css; charset=utf-8",
                var other => throw new InvalidOperationException($"unexpected file type {other}"),
            }, response.Content.Headers.ContentType?.ToString());
            // The only absolute URL allowed is the SVG namespace, which is a name, not a request.
            var elsewhere = AbsoluteUrl().Matches(text).Select(m => m.Value).Where(url => url != "http://www.w3.org/2000/svg").ToList();
            Assert.True(elsewhere.Count == 0, $"{file} refers to {string.Join(", ", elsewhere)}");
            var folder = Path.GetDirectoryName(file)!.Replace('\\', '/');
            foreach (Match reference in LocalReference().Matches(text))
                pending.Enqueue(Normalize(folder, reference.Groups["path"].Value));
        }

        Assert.Superset(new HashSet<string> { "index.html", "console.css", "app.js", "api.js", "dom.js", "views/streams.js", "views/time-travel.js",
            "views/trace.js", "views/sagas.js", "views/projections.js" }, seen);
    }

    [Fact]
    public async Task Files_are_revalidated_on_each_use_and_answered_304_while_unchanged()
    {
        var client = _api.CreateClient();

        var first = await client.Get("/console/app.js");
        var again = await client.Get("/console/app.js", ("If-None-Match", first.Headers.ETag!.Tag));
        var stale = await client.Get("/console/app.js", ("If-None-Match", "\"something-else\""));

        Assert.Equal("no-cache", first.Headers.CacheControl?.ToString());
        Assert.Equal("nosniff", first.Header("X-Content-Type-Options"));
        Assert.Contains("script-src 'self'", first.Header("Content-Security-Policy"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Empty(await again.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
    }

    [Theory]
    [InlineData("/console/../appsettings.json")]
    [InlineData("/console/views/../../Ordering.LocalHost.dll")]
    [InlineData("/console/..%2Fappsettings.json")]
    [InlineData("/console/%2E%2E/%2E%2E/Ordering.LocalHost.deps.json")]
    [InlineData("/console/views\\..\\app.js")]
    [InlineData("/console/views/..%5Capp.js")]
    [InlineData("/console//etc/passwd")]
    [InlineData("/console/./index.html")]
    [InlineData("/console/Ordering.OperatorConsole.dll")]
    [InlineData("/console/Microsoft.Extensions.FileProviders.Embedded.Manifest.xml")]
    [InlineData("/console/no-such-file.js")]
    public async Task A_path_outside_the_consoles_own_files_is_a_404_whatever_its_spelling(string path)
    {
        var context = await SendRawAsync(path);

        Assert.Equal(StatusCodes.Status404NotFound, context.Response.StatusCode);
        Assert.Equal("application/problem+json", context.Response.ContentType);
    }

    [Fact]
    public async Task A_plain_path_sent_the_same_raw_way_is_served()
    {
        Assert.Equal(StatusCodes.Status200OK, (await SendRawAsync("/console/views/streams.js")).Response.StatusCode);
    }

    // Sent as it is, without the client's normalizing of dot segments, as a hostile client would.
    private Task<HttpContext> SendRawAsync(string path) => _api.Server.SendAsync(c =>
    {
        c.Request.Method = HttpMethods.Get;
        c.Request.Path = PathString.FromUriComponent(path);
    }, TestContext.Current.CancellationToken);

    [Fact]
    public async Task With_an_api_key_set_the_console_opens_without_it_and_its_data_does_not()
    {
        _api.Settings["Auth:ApiKey"] = "console-test-key";
        var client = _api.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.Get("/console/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.Get("/console/views/streams.js")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.Get("/api/streams")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.Get("/api/sagas")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.Get("/api/streams", ("X-Api-Key", "console-test-key"))).StatusCode);
    }

    private static string Normalize(string folder, string reference)
    {
        var parts = new List<string>(folder.Length == 0 ? [] : folder.Split('/'));
        foreach (var part in reference.Split('/'))
        {
            if (part == "..") parts.RemoveAt(parts.Count - 1);
            else if (part != ".") parts.Add(part);
        }
        return string.Join('/', parts);
    }

    [GeneratedRegex("""https?://[^\s"'`)<>]+""")]
    private static partial Regex AbsoluteUrl();

    // src="…" / href="…" of files, and ES module imports: from './x.js'.
    [GeneratedRegex("""(?:(?:src|href)="|from ')(?<path>\.{0,2}/?[\w./-]+\.(?:js|css))["']""")]
    private static partial Regex LocalReference();

    public ValueTask DisposeAsync() => _api.DisposeAsync();
}
