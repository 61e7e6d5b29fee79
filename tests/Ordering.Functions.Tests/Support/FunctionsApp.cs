using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Ordering.Functions.ChangeFeed;

namespace Ordering.Functions.Tests.Support;

/// <summary>The Functions app's functions as the worker's metadata generator finds them: every method with [Function].</summary>
internal static class FunctionsApp
{
    public static Assembly Assembly => typeof(ChangeFeedFunctions).Assembly;

    public static IReadOnlyList<MethodInfo> Functions { get; } =
    [
        .. Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => m.GetCustomAttribute<FunctionAttribute>() is not null),
    ];

    public static string NameOf(MethodInfo function) => function.GetCustomAttribute<FunctionAttribute>()!.Name;

    public static MethodInfo Function(string name) => Functions.Single(f => NameOf(f) == name);

    /// <summary>The function's parameter bound by a trigger of type <typeparamref name="T"/>, if it has one.</summary>
    public static ParameterInfo? TriggerParameter<T>(MethodInfo function) where T : Attribute =>
        function.GetParameters().SingleOrDefault(p => p.GetCustomAttribute<T>() is not null);

    public static T? Trigger<T>(MethodInfo function) where T : Attribute => TriggerParameter<T>(function)?.GetCustomAttribute<T>();
}
