namespace OrderConfirmationMailer;

/// <summary>The mailer's settings, section <c>Mailer</c> (command line <c>--Mailer:PickupDirectory …</c>, environment <c>Mailer__PickupDirectory</c>).</summary>
public sealed class MailerOptions
{
    public const string Section = "Mailer";

    /// <summary>The backend's base address: the local host by default.</summary>
    public Uri BackendUrl { get; set; } = new("http://127.0.0.1:7071");

    /// <summary>Sent as <c>X-Api-Key</c> when the backend has <c>Auth:ApiKey</c> set; the feed is an operational read and needs it then.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Where the finished .eml files go: the folder an SMTP server's pickup service (or a relay) sends from.</summary>
    public string PickupDirectory { get; set; } = "mail/pickup";

    /// <summary>The mailer's own state: its checkpoint and the marks of mails already written.</summary>
    public string StateDirectory { get; set; } = "mail/state";

    /// <summary>The sender of every confirmation.</summary>
    public string From { get; set; } = "Shop orders <orders@shop.example>";

    /// <summary>The recipient's address, <c>{customerId}</c> replaced by the order's customer (the backend stores no email addresses).</summary>
    public string RecipientAddress { get; set; } = "{customerId}@customers.shop.example";

    /// <summary>The right-hand side of every Message-ID (<c>&lt;{eventId}@…&gt;</c>).</summary>
    public string MessageIdDomain { get; set; } = "orders.shop.example";

    /// <summary>Events asked for per page (the feed's <c>maxCount</c>).</summary>
    public int PageSize { get; set; } = 100;

    /// <summary>How long one feed request waits for new events (the feed's <c>waitSeconds</c>).</summary>
    public int WaitSeconds { get; set; } = 20;

    /// <summary>The pause after the first failed call to the backend, doubling (with jitter) up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);
}
