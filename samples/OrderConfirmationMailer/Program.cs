using OrderConfirmationMailer;

var builder = Host.CreateApplicationBuilder(args);
// One line per request of the long-polling feed says nothing; the mailer logs what it does and what fails itself.
builder.Logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);
builder.Services.AddOrderConfirmationMailer(builder.Configuration);
await builder.Build().RunAsync();
