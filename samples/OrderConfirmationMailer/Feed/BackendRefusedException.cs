namespace OrderConfirmationMailer.Feed;

/// <summary>The backend refused what the mailer asks (a wrong API key, a cursor it does not know): retrying cannot help.</summary>
internal sealed class BackendRefusedException(string message, Exception? inner = null) : Exception(message, inner);
