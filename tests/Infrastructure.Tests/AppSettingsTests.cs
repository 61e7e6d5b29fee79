using System.Text.Json.Nodes;

namespace Infrastructure.Tests;

/// <summary>functionapp.bicep sets every setting the Functions app reads, and nothing it does not.</summary>
public sealed class AppSettingsTests
{
    /// <summary>Read by the platform, not by code in this repository: a small list, each with its reader.</summary>
    private static readonly Dictionary<string, string> PlatformSettings = new(StringComparer.Ordinal)
    {
        // The Functions host's storage connection (host locks, and Durable Functions' Azure Storage backend, whose
        // default connection it is), in its identity form: no account key.
        ["AzureWebJobsStorage__accountName"] = "Functions host",
        ["AzureWebJobsStorage__credential"] = "Functions host",
        ["AzureWebJobsStorage__clientId"] = "Functions host",
        // The host's and the worker's Application Insights SDKs (AddApplicationInsightsTelemetryWorkerService in Program.cs).
        ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = "Functions host and worker",
        // Entra ID authentication of that telemetry (Application Insights has local auth off); both read it.
        ["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"] = "Functions host and worker",
    };

    /// <summary>What an identity-based connection named N is made of; the host's Cosmos DB extension reads all three.</summary>
    private static readonly string[] IdentityConnectionParts = ["accountEndpoint", "credential", "clientId"];

    [Fact]
    public void Given_the_app_source_Then_the_settings_scan_finds_the_readers_we_know_of()
    {
        // Guards the scan itself: were it to find nothing, the tests below would prove nothing.
        Assert.Contains("CosmosDbName", AppSources.ConfigurationKeys());
        Assert.Contains("Checkout__PaymentTimeout", AppSources.ConfigurationKeys());
        Assert.Contains("CosmosDbName", AppSources.PercentSettings());
        Assert.Contains("TASKHUB_NAME", AppSources.PercentSettings());
        Assert.Contains("CosmosDb", AppSources.Connections());
    }

    [Fact]
    public async Task Given_functionapp_bicep_Then_every_setting_the_app_reads_is_set()
    {
        var set = await SetAsync();

        var missing = Read().Where(name => !IsSet(name, set)).Order(StringComparer.Ordinal).ToList();

        Assert.True(missing.Count == 0, $"read by the app but not set by functionapp.bicep: {string.Join(", ", missing)}");
    }

    [Fact]
    public async Task Given_functionapp_bicep_Then_every_setting_it_sets_is_read_by_the_app_or_the_platform()
    {
        var set = await SetAsync();
        var readers = Read()
            .Concat(PlatformSettings.Keys)
            .Concat(AppSources.Connections().SelectMany(c => IdentityConnectionParts.Select(part => $"{c}__{part}")))
            .ToHashSet(StringComparer.Ordinal);

        var unused = set.Where(name => !readers.Contains(name)).Order(StringComparer.Ordinal).ToList();

        Assert.True(unused.Count == 0, $"set by functionapp.bicep but read by nothing: {string.Join(", ", unused)}");
    }

    [Fact]
    public async Task Given_functionapp_bicep_Then_the_runtime_is_the_isolated_dotnet_10_worker_and_not_an_app_setting()
    {
        var app = Deployments.OfType(await Bicep.CompiledAsync("modules/functionapp.bicep"), "Microsoft.Web/sites").Single();

        var runtime = app["properties"]!["functionAppConfig"]!["runtime"]!;

        Assert.Equal("dotnet-isolated", (string?)runtime["name"]);
        Assert.Equal("10.0", (string?)runtime["version"]);
        // Flex Consumption rejects these as app settings.
        Assert.DoesNotContain("FUNCTIONS_WORKER_RUNTIME", await SetAsync());
        Assert.DoesNotContain("FUNCTIONS_EXTENSION_VERSION", await SetAsync());
    }

    private static HashSet<string> Read() =>
        [.. AppSources.ConfigurationKeys().Concat(AppSources.PercentSettings()).Concat(AppSources.Connections()).Concat(PlatformSettings.Keys)];

    /// <summary>A connection name is set by its connection string or by its identity form (N__accountEndpoint).</summary>
    private static bool IsSet(string name, IReadOnlySet<string> set) =>
        set.Contains(name) || (AppSources.Connections().Contains(name) && set.Contains($"{name}__accountEndpoint"));

    /// <summary>The names of the app settings functionapp.bicep gives the site.</summary>
    private static async Task<IReadOnlySet<string>> SetAsync()
    {
        var arm = await Bicep.CompiledAsync("modules/functionapp.bicep");
        // siteConfig.appSettings is a loop (an ARM copy) over the `appSettings` variable: its keys are the setting names.
        var settings = arm["variables"]!["appSettings"]!.AsObject();
        var siteConfig = Deployments.OfType(arm, "Microsoft.Web/sites").Single()["properties"]!["siteConfig"]!.AsObject();
        Assert.False(siteConfig.ContainsKey("appSettings"), "app settings set outside the appSettings variable");
        Assert.Equal("[length(items(variables('appSettings')))]", (string?)siteConfig["copy"]![0]!["count"]);
        return settings.Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
    }
}
