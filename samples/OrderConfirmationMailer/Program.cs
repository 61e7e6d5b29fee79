using OrderConfirmationMailer;

var builder = Host.CreateApplicationBuilder(args);
builder.Services.AddOrderConfirmationMailer(builder.Configuration);
await builder.Build().RunAsync();
