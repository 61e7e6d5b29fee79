namespace Ordering.LocalHost;

/// <summary>Where the host listens and keeps its data unless configured otherwise.</summary>
internal static class HostDefaults
{
    /// <summary>Loopback only, on the port `func start` uses, so clients work unchanged against either.</summary>
    public const string Url = "http://127.0.0.1:7071";

    /// <summary>Listens on <see cref="Url"/> unless --urls, ASPNETCORE_URLS or "Urls" says otherwise.</summary>
    public static void ListenOnLoopbackByDefault(this WebApplicationBuilder builder)
    {
        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey])) builder.WebHost.UseUrls(Url);
    }

    /// <summary>Store:DataDirectory, default "data" under the working directory; created when missing.</summary>
    public static string DataDirectory(IConfiguration configuration)
    {
        var directory = Path.GetFullPath(configuration["Store:DataDirectory"] is { Length: > 0 } configured ? configured : "data");
        Directory.CreateDirectory(directory);
        return directory;
    }
}
