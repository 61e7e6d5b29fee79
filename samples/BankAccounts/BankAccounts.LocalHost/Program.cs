using BankAccounts.LocalHost;

#region program
var builder = WebApplication.CreateBuilder(args);
builder.AddBankBackend();

var app = builder.Build();
app.MapBankApi();
app.Run();
#endregion

/// <summary>The entry point, visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
