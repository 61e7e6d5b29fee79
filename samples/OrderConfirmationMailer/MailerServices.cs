using EventSourcing.Serialization;
using Microsoft.Extensions.Options;
using OrderConfirmationMailer.Checkpoints;
using OrderConfirmationMailer.Feed;
using OrderConfirmationMailer.Mail;
using Ordering.Contracts;

namespace OrderConfirmationMailer;

/// <summary>The mailer's composition: settings, the backend client, the checkpoint, the pickup folder and the worker.</summary>
public static class MailerServices
{
    /// <summary>Registers the mailer, configured from the <c>Mailer</c> section; invalid settings fail at start with what is wrong.</summary>
    public static IServiceCollection AddOrderConfirmationMailer(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MailerOptions>()
            .Bind(configuration.GetSection(MailerOptions.Section))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<MailerOptions>, MailerOptionsValidator>();
        services.AddSingleton(new EventSerializer(OrderingEventTypes.Create()));
        services.AddHttpClient<BackendClient>((provider, http) =>
        {
            var options = provider.GetRequiredService<IOptions<MailerOptions>>().Value;
            http.BaseAddress = options.BackendUrl;
            // A long poll holds the request open for WaitSeconds; only an answer later than that is late.
            http.Timeout = TimeSpan.FromSeconds(options.WaitSeconds + 30);
            if (!string.IsNullOrEmpty(options.ApiKey)) http.DefaultRequestHeaders.Add("X-Api-Key", options.ApiKey);
        });
        services.AddSingleton(provider => new FileCheckpoint(
            Path.Combine(StateDirectory(provider), "checkpoint.json")));
        services.AddSingleton(provider => new PickupFolder(provider.GetRequiredService<IOptions<MailerOptions>>().Value.PickupDirectory, StateDirectory(provider)));
        services.AddSingleton(provider => new ConfirmationEmail(provider.GetRequiredService<IOptions<MailerOptions>>().Value));
        services.AddSingleton<ConfirmationFollower>();
        services.AddHostedService<MailerWorker>();
        return services;
    }

    private static string StateDirectory(IServiceProvider provider) =>
        Directory.CreateDirectory(provider.GetRequiredService<IOptions<MailerOptions>>().Value.StateDirectory).FullName;
}
