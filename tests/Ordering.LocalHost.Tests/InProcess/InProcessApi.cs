using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Ordering.LocalHost.Tests.InProcess;

/// <summary>The local host in memory (WebApplicationFactory) on a data directory of its own.</summary>
public sealed class InProcessApi : WebApplicationFactory<Program>
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("ordering-api-").FullName;

    public Dictionary<string, string?> Settings { get; } = new()
    {
        ["Api:ReadYourWritesTimeout"] = "00:00:01",
    };

    public string DataDirectory => _dataDirectory;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Store:DataDirectory", _dataDirectory);
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        try { Directory.Delete(_dataDirectory, recursive: true); }
        catch (IOException) { /* the OS cleans temp */ }
    }
}
