using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace BankAccounts.Tests.Http;

/// <summary>The bank sample's host in memory (WebApplicationFactory), on a data directory of its own.</summary>
public sealed class BankApiFactory : WebApplicationFactory<Program>
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("bank-api-").FullName;

    protected override void ConfigureWebHost(IWebHostBuilder builder) => builder.UseSetting("Store:DataDirectory", _dataDirectory);

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        try { Directory.Delete(_dataDirectory, recursive: true); }
        catch (IOException) { /* the OS cleans temp */ }
    }
}
