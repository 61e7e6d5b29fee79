using System.Text.Json.Nodes;

namespace Infrastructure.Tests;

/// <summary>What an operator relies on, read from the compiled templates: backups, locks, logs, no keys or passwords, bounds.</summary>
public sealed class ProductionTests
{
    [Fact]
    public async Task Given_the_cosmos_account_Then_it_has_continuous_backup_no_keys_TLS_1_2_and_serverless_unless_autoscale_is_chosen()
    {
        var arm = await Bicep.CompiledAsync("modules/cosmos.bicep");
        var account = Deployments.OfType(arm, "Microsoft.DocumentDB/databaseAccounts").Single()["properties"]!;

        Assert.Equal("Continuous", (string?)account["backupPolicy"]!["type"]);
        Assert.Equal(true, (bool?)account["disableLocalAuth"]);
        Assert.Equal("Tls12", (string?)account["minimalTlsVersion"]);
        Assert.Contains("EnableServerless", account["capabilities"]!.ToJsonString(), StringComparison.Ordinal);
        var main = await Bicep.CompiledAsync("main.bicep");
        Assert.Equal("serverless", (string?)main["parameters"]!["cosmosThroughputMode"]!["defaultValue"]);
        Assert.Contains("autoscaleSettings", Deployments.OfType(arm, "Microsoft.DocumentDB/databaseAccounts/sqlDatabases").Single().ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_the_cosmos_account_Then_a_CanNotDelete_lock_guards_it_unless_turned_off()
    {
        var arm = await Bicep.CompiledAsync("modules/cosmos.bicep");

        var deleteLock = Deployments.OfType(arm, "Microsoft.Authorization/locks").Single();

        Assert.Equal("CanNotDelete", (string?)deleteLock["properties"]!["level"]);
        Assert.Equal("[parameters('lockAccount')]", (string?)deleteLock["condition"]);
        Assert.Equal(true, (bool?)(await Bicep.CompiledAsync("main.bicep"))["parameters"]!["lockCosmosAccount"]!["defaultValue"]);
    }

    [Fact]
    public async Task Given_the_data_plane_role_Then_it_is_scoped_to_the_database_not_the_account()
    {
        var arm = await Bicep.CompiledAsync("modules/cosmos.bicep");

        var assignment = Deployments.OfType(arm, "Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments").Single();

        Assert.Contains("/dbs/", (string?)assignment["properties"]!["scope"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("modules/cosmos.bicep", "DataPlaneRequests,PartitionKeyRUConsumption,ControlPlaneRequests")]
    [InlineData("modules/storage.bicep", "StorageRead,StorageWrite,StorageDelete")]
    [InlineData("modules/functionapp.bicep", "FunctionAppLogs")]
    public async Task Given_a_resource_Then_its_logs_go_to_Log_Analytics(string template, string categories)
    {
        var arm = await Bicep.CompiledAsync(template);
        var settings = Deployments.OfType(arm, "Microsoft.Insights/diagnosticSettings").ToList();

        Assert.NotEmpty(settings);
        Assert.All(settings, setting =>
        {
            Assert.Equal("[parameters('workspaceId')]", (string?)setting["properties"]!["workspaceId"]);
            Assert.Equal(categories.Split(','), Resolve(arm, setting["properties"]!["logs"]!).AsArray().Select(l => (string)l!["category"]!));
        });
        // Storage: one for each of blob, queue and table.
        if (template.Contains("storage", StringComparison.Ordinal)) Assert.Equal(3, settings.Count);
    }

    [Fact]
    public async Task Given_the_function_app_Then_it_has_no_publishing_password_no_FTP_and_TLS_1_2_minimum()
    {
        var arm = await Bicep.CompiledAsync("modules/functionapp.bicep");

        var policies = Deployments.OfType(arm, "Microsoft.Web/sites/basicPublishingCredentialsPolicies").ToList();
        var siteConfig = Deployments.OfType(arm, "Microsoft.Web/sites").Single()["properties"]!["siteConfig"]!;

        Assert.Equal(2, policies.Count);
        Assert.All(policies, p => Assert.Equal(false, (bool?)p["properties"]!["allow"]));
        Assert.Equal("Disabled", (string?)siteConfig["ftpsState"]);
        Assert.Equal("1.2", (string?)siteConfig["minTlsVersion"]);
        Assert.Equal("1.2", (string?)siteConfig["scmMinTlsVersion"]);
    }

    [Fact]
    public async Task Given_storage_and_monitoring_Then_no_shared_keys_and_TLS_1_2()
    {
        var storage = Deployments.OfType(await Bicep.CompiledAsync("modules/storage.bicep"), "Microsoft.Storage/storageAccounts").Single()["properties"]!;
        var monitoring = await Bicep.CompiledAsync("modules/monitoring.bicep");

        Assert.Equal(false, (bool?)storage["allowSharedKeyAccess"]);
        Assert.Equal("TLS1_2", (string?)storage["minimumTlsVersion"]);
        Assert.Equal(true, (bool?)Deployments.OfType(monitoring, "Microsoft.OperationalInsights/workspaces").Single()["properties"]!["features"]!["disableLocalAuth"]);
        Assert.Equal(true, (bool?)Deployments.OfType(monitoring, "Microsoft.Insights/components").Single()["properties"]!["DisableLocalAuth"]);
    }

    [Fact]
    public async Task Given_main_bicep_Then_task_hub_and_instance_count_are_bounded_as_Durable_and_Flex_Consumption_require()
    {
        var parameters = (await Bicep.CompiledAsync("main.bicep"))["parameters"]!;

        Assert.Equal(45, (int?)parameters["taskHubName"]!["maxLength"]);
        Assert.Equal(3, (int?)parameters["taskHubName"]!["minLength"]);
        Assert.Equal(40, (int?)parameters["maximumInstanceCount"]!["minValue"]);
        Assert.Equal(1000, (int?)parameters["maximumInstanceCount"]!["maxValue"]);
        Assert.Contains("Flex Consumption", (string?)parameters["location"]!["metadata"]!["description"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_a_principalId_Then_it_gets_the_apps_data_roles_and_without_one_nobody_else_does()
    {
        var main = await Bicep.CompiledAsync("main.bicep");
        var modules = await Deployments.ModulesAsync();

        Assert.Equal("", (string?)main["parameters"]!["principalId"]!["defaultValue"]);
        Assert.Equal("[variables('developer')]", (string?)modules["storage"]["developer"]!["value"]);
        Assert.Equal("[variables('developer')]", (string?)modules["cosmos"]["developer"]!["value"]);
        foreach (var template in new[] { "modules/storage.bicep", "modules/cosmos.bicep" })
            Assert.Contains("parameters('developer')", Grantees(await Bicep.CompiledAsync(template)), StringComparison.Ordinal);
    }

    /// <summary>A value, or the variable a "[variables('name')]" expression names.</summary>
    private static JsonNode Resolve(JsonObject arm, JsonNode value) =>
        value is JsonValue v && v.TryGetValue<string>(out var text) && text.StartsWith("[variables('", StringComparison.Ordinal)
            ? arm["variables"]![text["[variables('".Length..^"')]".Length]]!
            : value;

    private static string Grantees(JsonObject arm) => (string?)arm["variables"]!["grantees"] ?? "";
}
