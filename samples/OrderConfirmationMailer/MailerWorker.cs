using EventSourcing.Serialization;
using OrderConfirmationMailer.Feed;
using Polly;
using Polly.Retry;
using Microsoft.Extensions.Options;

namespace OrderConfirmationMailer;

/// <summary>
/// Follows the feed until the host stops: page after page, each retried with growing pauses while the backend is
/// unreachable. What no retry can fix (a refused API key, an event newer than the contracts this mailer was built
/// with) stops the process with exit code 1 and says why, rather than skipping mails.
/// </summary>
internal sealed partial class MailerWorker(
    ConfirmationFollower follower,
    IOptions<MailerOptions> options,
    IHostApplicationLifetime lifetime,
    ILogger<MailerWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var retry = RetryPipeline(options.Value);
        try
        {
            var cursor = follower.LoadCursor();
            Following(options.Value.BackendUrl, cursor ?? "the beginning");
            while (!stoppingToken.IsCancellationRequested)
            {
                var from = cursor;
                cursor = await retry.ExecuteAsync(async ct => await follower.FollowAsync(from, ct), stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the page in hand is handled again on the next start, its mails found written.
        }
        catch (Exception e) when (e is BackendRefusedException or UnknownEventTypeException or InvalidDataException)
        {
            Stops(e, e.Message);
            Environment.ExitCode = 1;
            lifetime.StopApplication();
        }
    }

    private ResiliencePipeline RetryPipeline(MailerOptions settings) => new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<BackendUnavailableException>(),
            MaxRetryAttempts = int.MaxValue,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = settings.RetryDelay,
            MaxDelay = settings.MaxRetryDelay,
            OnRetry = attempt =>
            {
                Unavailable(attempt.AttemptNumber + 1, attempt.RetryDelay, attempt.Outcome.Exception?.Message);
                return ValueTask.CompletedTask;
            },
        })
        .Build();

    [LoggerMessage(LogLevel.Information, "Following {Backend} from {Cursor}")]
    private partial void Following(Uri backend, string cursor);

    [LoggerMessage(LogLevel.Warning, "The backend is unavailable (try {Attempt}), next try in {Delay}: {Reason}")]
    private partial void Unavailable(int attempt, TimeSpan delay, string? reason);

    [LoggerMessage(LogLevel.Critical, "The mailer stops: {Reason}")]
    private partial void Stops(Exception exception, string reason);
}
