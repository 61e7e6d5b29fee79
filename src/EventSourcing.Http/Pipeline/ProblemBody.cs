namespace EventSourcing.Http.Pipeline;

/// <summary>The problem details body; <c>code</c> names the domain rule, <c>errors</c> the invalid fields.</summary>
public sealed record ProblemBody(string Type, string Title, int Status, string Detail, string? Code, IReadOnlyDictionary<string, string[]>? Errors);
