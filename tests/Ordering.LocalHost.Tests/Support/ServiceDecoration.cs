using Microsoft.Extensions.DependencyInjection;

namespace Ordering.LocalHost.Tests.Support;

/// <summary>Wraps what the host registered for a service, so a test can hold or break it for real inside the running host.</summary>
public static class ServiceDecoration
{
    /// <summary>
    /// Replaces the host's singleton <typeparamref name="TService"/> with <typeparamref name="TDecorator"/> around it;
    /// the decorator itself resolves too, for the test to steer.
    /// </summary>
    public static void Decorate<TService, TDecorator>(this IServiceCollection services, Func<TService, TDecorator> decorate)
        where TService : class
        where TDecorator : class, TService
    {
        var original = services.Last(d => d.ServiceType == typeof(TService));
        services.Remove(original);
        services.AddSingleton(sp => decorate((TService)(original.ImplementationInstance
            ?? original.ImplementationFactory?.Invoke(sp)
            ?? ActivatorUtilities.CreateInstance(sp, original.ImplementationType!))));
        services.AddSingleton<TService>(sp => sp.GetRequiredService<TDecorator>());
    }
}
