using BankAccounts;
using EventSourcing.Hosting;
using EventSourcing.Http;

namespace BankAccounts.LocalHost;

/// <summary>The composition root: the bank domain on the embedded store, and the HTTP pipeline in front of it.</summary>
internal static class BankBackend
{
    /// <summary>Loopback only (there is no authentication), next to the port the ordering host uses.</summary>
    public const string DefaultUrl = "http://127.0.0.1:7072";

    #region host-composition
    public static void AddBankBackend(this WebApplicationBuilder builder)
    {
        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey])) builder.WebHost.UseUrls(DefaultUrl);
        builder.Services.AddEventSourcing(builder.Configuration, BankEventTypes.Create())
            .UseSqlite()
            .AddBankAccounts();
        builder.Services.AddEventSourcingHttp();
        builder.Services.AddProblemDetails();
    }
    #endregion
}
