using EventSourcing.Sagas;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Ordering.Checkout;
using Ordering.Functions.Tests.Support;

namespace Ordering.Functions.Tests.Sagas;

/// <summary>
/// Durable finds orchestrators and activities by function name only: the Functions app must bind every name the
/// checkout registry gives (the names the orchestrator calls), with the step types the activities take, and no other.
/// </summary>
public sealed class DurableFunctionsTests : IAsyncDisposable
{
    private readonly FunctionsComposition _app = new();
    private readonly OrchestrationRegistry _registry;

    // The registry the Durable adapter and the embedded runner run, over the activities the app composes.
    public DurableFunctionsTests() => _registry = new OrchestrationRegistry().AddCheckout(_app.Services.GetRequiredService<CheckoutActivities>());

    [Fact]
    public void The_orchestrator_functions_are_the_registrys_orchestrators()
    {
        var bound = FunctionsApp.Functions.Where(f => FunctionsApp.Trigger<OrchestrationTriggerAttribute>(f) is not null).Select(FunctionsApp.NameOf);

        SameSet.Assert(bound, "[OrchestrationTrigger] functions", _registry.OrchestratorNames, "the checkout registry's orchestrators", StringComparer.Ordinal);
    }

    [Fact]
    public void The_activity_functions_are_the_activities_the_orchestrator_calls()
    {
        var bound = FunctionsApp.Functions.Where(f => FunctionsApp.Trigger<ActivityTriggerAttribute>(f) is not null).Select(FunctionsApp.NameOf);

        SameSet.Assert(bound, "[ActivityTrigger] functions", _registry.ActivityNames, "the checkout registry's activities", StringComparer.Ordinal);
    }

    [Fact]
    public void Each_activity_function_takes_and_returns_what_its_checkout_step_does()
    {
        var mismatches =
            from function in FunctionsApp.Functions
            let input = FunctionsApp.TriggerParameter<ActivityTriggerAttribute>(function)
            where input is not null
            let step = typeof(CheckoutActivities).GetMethod(FunctionsApp.NameOf(function))
            where step is null || step.GetParameters()[0].ParameterType != input.ParameterType || step.ReturnType != function.ReturnType
            select $"{FunctionsApp.NameOf(function)}({input.ParameterType.Name}) -> {function.ReturnType.Name}";

        Assert.Empty(mismatches);
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
