using System.Text.Json;
using System.Text.Json.Nodes;
using Ordering.LocalHost.Tests.Support;

namespace Ordering.LocalHost.Tests.InProcess;

/// <summary>
/// docs/openapi.json is the contract both hosts serve (the Functions app embeds it): it must be exactly what the
/// local host generates, so a route or shape change shows in review. UPDATE_OPENAPI=1 rewrites it.
/// </summary>
public sealed class OpenApiDocumentTests(InProcessApiFixture fixture) : IClassFixture<InProcessApiFixture>
{
    [Fact]
    public async Task The_pinned_openapi_document_is_the_one_the_host_serves()
    {
        var served = Normalized(await (await fixture.Api.CreateClient().Get("/api/openapi.json")).Json());
        var path = Path.Combine(RepositoryRoot(), "docs", "openapi.json");

        if (Environment.GetEnvironmentVariable("UPDATE_OPENAPI") == "1")
            await File.WriteAllTextAsync(path, served + "\n", TestContext.Current.CancellationToken);

        Assert.True(File.Exists(path), "docs/openapi.json is missing: run the tests once with UPDATE_OPENAPI=1.");
        var pinned = Normalized(JsonNode.Parse(await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken))!);
        Assert.True(pinned == served, "The API changed: review it, then refresh docs/openapi.json with UPDATE_OPENAPI=1 dotnet test tests/Ordering.LocalHost.Tests.");
    }

    [Fact]
    public async Task Every_error_response_the_document_declares_is_the_problem_body_the_api_writes()
    {
        var document = await (await fixture.Api.CreateClient().Get("/api/openapi.json")).Json();
        var wrong = new List<string>();

        foreach (var (path, item) in document["paths"]!.AsObject())
            foreach (var (method, operation) in item!.AsObject())
                foreach (var (status, response) in operation!["responses"]!.AsObject())
                {
                    if (status[0] is not ('4' or '5') || status == "503" && path == "/api/health") continue;
                    var schema = response!["content"]?["application/problem+json"]?["schema"]?["$ref"]?.GetValue<string>();
                    if (schema != "#/components/schemas/ProblemBody") wrong.Add($"{method} {path} {status}: {schema ?? "no application/problem+json"}");
                }

        // ApiRoutes' Problem(status), not ProducesProblem: clients must learn the code and errors the API sends.
        Assert.Empty(wrong);
        Assert.Null(document["components"]!["schemas"]!["ProblemDetails"]);
    }

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private static string Normalized(JsonNode document) => document.ToJsonString(Indented);

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Functions.sln"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("Functions.sln not found above the test binaries.");
    }
}
