using System.Reflection;
using MIForge.Abstractions;
using MIForge.Host.Manifests;
using MIForge.Host.Options;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace MIForge.Host.Plugins;

/// <summary>Creates plugins: binds their options from JSON, then builds them with the stage's services;
/// a plugin that is <see cref="IDisposable"/> is handed to <paramref name="owner"/>, which disposes it.</summary>
public sealed class PluginFactory(PluginCatalog catalog, IServiceProvider services, string? manifestFile, Action<IDisposable>? owner = null) : IPluginFactory
{
    private readonly OptionsBinder binder = new(catalog);

    /// <summary>The plugin with the options the manifest's reading bound (<see cref="PluginRef{TKind}.BoundOptions"/>),
    /// or, for a reference made in code, with its options bound now.</summary>
    public TKind Create<TKind>(PluginRef<TKind> reference) where TKind : class
    {
        var plugin = catalog.Get(PluginKind.Of(typeof(TKind))!, reference.Name);
        return (TKind)(reference.BoundOptions is { } bound && plugin.OptionsType?.IsInstanceOfType(bound) == true
            ? Construct(plugin, [bound])
            : Create(plugin, reference.Options));
    }

    /// <summary>A new instance of <paramref name="plugin"/>; bad options are a <see cref="ManifestException"/>,
    /// a failing constructor a <see cref="PluginLoadException"/> naming the plugin and its folder.</summary>
    public object Create(PluginDescriptor plugin, JObject? options)
    {
        if (!plugin.CodeLoaded)
            throw new InvalidOperationException($"plugin {plugin.Id} (from {plugin.Source}) was read from metadata only and cannot be created");
        var args = new List<object>();
        if (plugin.OptionsType is { } t)
        {
            var errors = new ErrorList(manifestFile);
            args.Add(binder.Bind(t, options, errors, options?.Path ?? "")!);
            errors.ThrowIfAny();
        }
        return Construct(plugin, args.ToArray());
    }

    private object Construct(PluginDescriptor plugin, object[] args)
    {
        object instance;
        try
        {
            instance = ActivatorUtilities.CreateInstance(services, plugin.Type, args);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var inner = e is TargetInvocationException { InnerException: { } ie } ? ie : e;
            var what = inner is InvalidOperationException && inner.Message.Contains("Unable to resolve service")
                ? $"asks for a service the host does not provide: {inner.Message}"
                : $"failed in its constructor: {inner.Message}";
            throw new PluginLoadException($"plugin {plugin.Id} ({plugin.Type.FullName}, from {plugin.Source}) {what}", inner);
        }
        if (instance is IDisposable disposable) owner?.Invoke(disposable);
        return instance;
    }
}
