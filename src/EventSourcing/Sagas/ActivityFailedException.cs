namespace EventSourcing.Sagas;

/// <summary>An activity failed after its retries; carries what the activity threw, as Durable's <c>TaskFailedException</c> does.</summary>
public sealed class ActivityFailedException(string activityName, string errorType, string errorMessage)
    : Exception($"Activity '{activityName}' failed: {errorType}: {errorMessage}")
{
    /// <summary>The activity that failed after its retries.</summary>
    public string ActivityName { get; } = activityName;

    /// <summary>The full name of the exception type the activity threw.</summary>
    public string ErrorType { get; } = errorType;

    /// <summary>The message of the exception the activity threw.</summary>
    public string ErrorMessage { get; } = errorMessage;
}
