using Xunit.Sdk;
using Xunit.v3;

namespace Ordering.LocalHost.Tests.Support;

/// <summary>Marks a test that checks what the other tests of its class left behind, so it runs after them.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RunsLastAttribute : Attribute;

/// <summary>Runs a class's tests in the default order, those marked <see cref="RunsLastAttribute"/> after all others.</summary>
public sealed class RunsLastOrderer : ITestCaseOrderer
{
    public IReadOnlyCollection<TTestCase> OrderTestCases<TTestCase>(IReadOnlyCollection<TTestCase> testCases) where TTestCase : notnull, ITestCase
    {
        var ordered = DefaultTestCaseOrderer.Instance.OrderTestCases(testCases);
        return [.. ordered.Where(t => !RunsLast(t)), .. ordered.Where(t => RunsLast(t))];
    }

    private static bool RunsLast(ITestCase testCase) =>
        testCase is IXunitTestCase xunit && xunit.TestMethod.Method.IsDefined(typeof(RunsLastAttribute), inherit: true);
}
