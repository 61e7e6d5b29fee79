using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Ordering.Functions;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddApplicationInsightsTelemetryWorkerService().ConfigureFunctionsApplicationInsights();
// The Application Insights provider adds a rule that keeps only Warning and above, so the app's own Information logs
// would never reach Application Insights; without it the configured log levels apply (Microsoft's isolated-worker guide).
builder.Logging.Services.Configure<LoggerFilterOptions>(options =>
{
    var warningOnly = options.Rules.FirstOrDefault(rule =>
        rule.ProviderName == "Microsoft.Extensions.Logging.ApplicationInsights.ApplicationInsightsLoggerProvider");
    if (warningOnly is not null) options.Rules.Remove(warningOnly);
});
builder.Services.AddOrderingOnCosmos(builder.Configuration);
builder.Build().Run();
