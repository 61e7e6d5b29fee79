using DurableTask.Core;
using Microsoft.DurableTask.Testing.Sidecar;
using Microsoft.Extensions.Logging.Abstractions;

namespace EventSourcing.Durable.Tests.Checkout;

/// <summary>Every checkout scenario on the Durable Task engine's in-memory orchestration service.</summary>
public sealed class InMemoryCheckoutTests : CheckoutOnDurableScenarios
{
    internal override Task<IOrchestrationService> OrchestrationServiceAsync() =>
        Task.FromResult<IOrchestrationService>(new InMemoryOrchestrationService(NullLoggerFactory.Instance));
}
