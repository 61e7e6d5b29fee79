using MimeKit;
using Microsoft.Extensions.Options;

namespace OrderConfirmationMailer;

/// <summary>Refuses settings that cannot work, at start, with what is wrong.</summary>
internal sealed class MailerOptionsValidator : IValidateOptions<MailerOptions>
{
    public ValidateOptionsResult Validate(string? name, MailerOptions options) =>
        Problem(options) is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;

    private static string? Problem(MailerOptions o) =>
        !o.BackendUrl.IsAbsoluteUri ? "Mailer:BackendUrl must be an absolute URL"
        : !MailboxAddress.TryParse(o.From, out _) ? $"Mailer:From '{o.From}' is not a mail address"
        : string.IsNullOrWhiteSpace(o.PickupDirectory) ? "Mailer:PickupDirectory must be set"
        : string.IsNullOrWhiteSpace(o.StateDirectory) ? "Mailer:StateDirectory must be set"
        : !o.RecipientAddress.Contains("{customerId}", StringComparison.Ordinal) ? "Mailer:RecipientAddress must contain {customerId}"
        : o.PageSize is < 1 or > 1000 ? "Mailer:PageSize must be between 1 and 1000"
        : o.WaitSeconds is < 0 or > 30 ? "Mailer:WaitSeconds must be between 0 and 30 (the feed waits at most 30 s)"
        : o.RetryDelay <= TimeSpan.Zero || o.MaxRetryDelay < o.RetryDelay ? "Mailer:RetryDelay must be positive and at most Mailer:MaxRetryDelay"
        : null;
}
