using Ordering.LocalHost;

var builder = WebApplication.CreateBuilder(args);
builder.AddOrderingBackend();

var app = builder.Build();
app.UseOrderingBackend();
app.Run();

/// <summary>The entry point, visible to the end-to-end tests' WebApplicationFactory.</summary>
public partial class Program;
