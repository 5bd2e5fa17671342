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

    public TKind Create<TKind>(PluginRef<TKind> reference) where TKind : class =>
        (TKind)Create(catalog.Get(PluginKind.Of(typeof(TKind))!, reference.Name), reference.Options);

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
        object instance;
        try
        {
            instance = ActivatorUtilities.CreateInstance(services, plugin.Type, args.ToArray());
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
