using System.Text.Json.Nodes;

namespace Infrastructure.Tests;

/// <summary>The templates compile, pass every linter rule, and main.parameters.json fits main.bicep.</summary>
public sealed class TemplateTests
{
    [Theory]
    [MemberData(nameof(Templates))]
    public async Task Given_a_template_When_built_Then_it_compiles_to_ARM_JSON_without_errors_or_warnings(string template)
    {
        var arm = await Bicep.CompiledAsync(template);

        Assert.NotNull(arm["resources"]);
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public async Task Given_a_template_When_linted_with_infra_bicepconfig_Then_no_rule_reports_anything(string template)
    {
        var result = await Bicep.RunAsync("lint", Repo.Infra(template));

        Assert.True(result.ExitCode == 0 && result.Problems.Count == 0, $"bicep lint {template}:\n{result.Diagnostics}");
    }

    [Fact]
    public void Given_the_lint_config_Then_every_rule_it_names_is_an_error_including_the_ones_off_by_default()
    {
        var rules = JsonNode.Parse(File.ReadAllText(Repo.Infra("bicepconfig.json")))!["analyzers"]!["core"]!["rules"]!.AsObject();

        Assert.All(rules, rule => Assert.Equal("error", (string?)rule.Value!["level"]));
        // Off by default in Bicep; on here. (use-recent-module-versions needs the public registry and stays off.)
        Assert.Superset(
            new HashSet<string>(["use-recent-api-versions", "use-user-defined-types", "no-hardcoded-location", "no-loc-expr-outside-params",
                "explicit-values-for-loc-params", "use-resource-id-functions", "what-if-short-circuiting"]),
            rules.Select(r => r.Key).ToHashSet());
    }

    [Fact]
    public async Task Given_main_parameters_json_When_built_against_main_bicep_Then_every_value_has_the_type_and_range_main_bicep_declares()
    {
        var result = await ParametersAsync(File.ReadAllText(Repo.Infra("main.parameters.json")));

        Assert.True(result.ExitCode == 0 && result.Problems.Count == 0, $"main.parameters.json against main.bicep:\n{result.Diagnostics}");
    }

    [Theory]
    [InlineData("maximumInstanceCount", "\"100\"")] // a string where an int is declared
    [InlineData("maximumInstanceCount", "20")] // below Flex Consumption's lower bound
    [InlineData("taskHubName", "\"OrderingTaskHubWhoseNameIsLongerThanDurableAllows\"")] // over 45 characters
    [InlineData("noSuchParameter", "1")]
    public async Task Given_a_parameters_file_with_a_wrong_value_When_built_against_main_bicep_Then_it_fails(string name, string json)
    {
        var parameters = JsonNode.Parse(File.ReadAllText(Repo.Infra("main.parameters.json")))!;
        parameters["parameters"]![name] = new JsonObject { ["value"] = JsonNode.Parse(json) };

        var result = await ParametersAsync(parameters.ToJsonString());

        Assert.NotEqual(0, result.ExitCode);
    }

    public static TheoryData<string> Templates() => Repo.Templates();

    /// <summary>The JSON parameters file as .bicepparam (bicep decompile-params), then built against main.bicep (bicep build-params).</summary>
    private static async Task<Bicep.Result> ParametersAsync(string parametersJson)
    {
        var work = Directory.CreateTempSubdirectory("infra-params-");
        try
        {
            var json = Path.Combine(work.FullName, "main.parameters.json");
            var bicepparam = Path.Combine(work.FullName, "main.bicepparam");
            await File.WriteAllTextAsync(json, parametersJson, TestContext.Current.CancellationToken);
            var decompiled = await Bicep.RunAsync("decompile-params", json, "--bicep-file", Repo.Infra("main.bicep"), "--outfile", bicepparam);
            Assert.True(decompiled.ExitCode == 0, decompiled.Diagnostics);
            return await Bicep.RunAsync("build-params", bicepparam, "--stdout");
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }
}
