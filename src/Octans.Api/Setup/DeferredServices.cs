using System.Reflection;

namespace Octans.Api.Setup;

/// <summary>
/// Background services that cannot start without the database (Wolverine's node and durability agents). They are
/// taken out of the host's start-up and started by <see cref="DatabaseStartup"/> once the database answers, so a
/// database that is down at start leaves the app up and answering 503 instead of failing to start.
/// </summary>
public sealed class DeferredServices(IEnumerable<ServiceDescriptor> deferred)
{
    // One group per library (Wolverine, Hangfire): a library's services start in the order it registered them.
    private readonly List<List<ServiceDescriptor>> _groups = [[.. deferred]];

    private readonly List<IHostedService> _started = [];
    private readonly HashSet<ServiceDescriptor> _startedDescriptors = [];

    internal void Add(IEnumerable<ServiceDescriptor> more) => _groups.Add([.. more]);

    /// <summary>
    /// Starts each library's services in order, and the libraries side by side: they do not depend on each other,
    /// and each spends most of its start waiting on the database or compiling, which the other can use. A service
    /// started by an earlier attempt (the database went away half way) is not started twice.
    /// </summary>
    public async Task StartAsync(IServiceProvider provider, CancellationToken cancellation) =>
        await Task.WhenAll(_groups.Select(async group =>
        {
            foreach (var descriptor in group)
            {
                lock (_started)
                    if (_startedDescriptors.Contains(descriptor)) continue;
                var service = Resolve(provider, descriptor);
                await service.StartAsync(cancellation);
                lock (_started)
                {
                    _started.Add(service);
                    _startedDescriptors.Add(descriptor);
                }
            }
        }));

    public async Task StopAsync(CancellationToken cancellation)
    {
        IHostedService[] started;
        lock (_started) started = [.. _started];
        foreach (var service in started.Reverse()) await service.StopAsync(cancellation);
    }

    private static IHostedService Resolve(IServiceProvider provider, ServiceDescriptor descriptor) =>
        (IHostedService)(descriptor.ImplementationInstance
                         ?? descriptor.ImplementationFactory?.Invoke(provider)
                         ?? ActivatorUtilities.CreateInstance(provider, descriptor.ImplementationType!));
}

public static class DeferredServicesRegistration
{
    public static IServiceCollection DeferHostedServicesFrom(this IServiceCollection services, Assembly assembly)
    {
        var deferred = services
            .Where(d => d.ServiceType == typeof(IHostedService) && !d.IsKeyedService && OriginOf(d) == assembly)
            .ToList();
        foreach (var descriptor in deferred) services.Remove(descriptor);
        var existing = services.FirstOrDefault(d => d.ServiceType == typeof(DeferredServices))?.ImplementationInstance as DeferredServices;
        if (existing is null) services.AddSingleton(new DeferredServices(deferred));
        else existing.Add(deferred);
        return services;
    }

    private static Assembly? OriginOf(ServiceDescriptor descriptor) =>
        descriptor.ImplementationType?.Assembly
        ?? descriptor.ImplementationInstance?.GetType().Assembly
        ?? descriptor.ImplementationFactory?.Method.DeclaringType?.Assembly;
}
