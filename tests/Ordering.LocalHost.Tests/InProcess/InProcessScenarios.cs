using Ordering.LocalHost.Tests.Scenarios;

namespace Ordering.LocalHost.Tests.InProcess;

/// <summary>The whole HTTP scenario suite against the local host in memory.</summary>
public sealed class InProcessScenarios(InProcessApiFixture fixture) : OrderingApiScenarios, IClassFixture<InProcessApiFixture>
{
    protected override HttpClient Client { get; } = fixture.Api.CreateClient();
}

/// <summary>One in-memory host shared by the scenarios of a class (each scenario uses its own ids).</summary>
public sealed class InProcessApiFixture : IAsyncDisposable
{
    public InProcessApi Api { get; } = new();

    public ValueTask DisposeAsync() => Api.DisposeAsync();
}
