namespace OrderConfirmationMailer.Feed;

/// <summary>The backend is down or overloaded: worth another try after a pause.</summary>
internal sealed class BackendUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
