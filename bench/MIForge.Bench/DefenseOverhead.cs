using MIForge.Abstractions;
using MIForge.Host.Plugins;
using Newtonsoft.Json.Linq;
using static TorchSharp.torch;
using TorchSharp;

namespace MIForge.Bench;

/// <summary>
/// One MCNN training step at batch 64 (forward, objective, backward, Adam), undefended or with a
/// defense, built from the real plugins in artifacts/plugins through the host's catalog and factory.
/// </summary>
internal sealed class DefenseOverhead : IDisposable, IServiceProvider
{
    private readonly PluginFactory factory;
    private readonly IClassifier model;
    private readonly TorchSharp.Modules.Adam optimizer;
    private readonly Tensor x, y;

    public DefenseOverhead(string root)
    {
        var catalog = new PluginCatalog();
        foreach (var family in new[] { "Models", "Dependency", "Defenses" })
            catalog.AddFolder(Path.Combine(root, "artifacts", "plugins", family));
        factory = new PluginFactory(catalog, this, null);
        manual_seed(0);
        model = factory.Create(new PluginRef<IModelArchitecture>("mcnn")).Create(new ImageShape(1, 32, 32), 5);
        optimizer = optim.Adam(model.Module.parameters(), lr: 1e-3);
        x = rand(64, 1, 32, 32);
        y = randint(0, 5, new long[] { 64 });
    }

    /// <summary>The defense plugin with these options, made as a manifest would make it.</summary>
    public IDefense Defense(string name, JObject options) => factory.Create(new PluginRef<IDefense>(name, options));

    /// <summary>Runs `steps` training steps with the defense's objective (plain cross-entropy when null).</summary>
    public void Steps(IDefense? defense, int steps)
    {
        model.Module.train();
        for (var i = 0; i < steps; i++)
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            var output = model.Forward(x);
            var ce = nn.functional.cross_entropy(output.Logits, y);
            var loss = defense is null ? ce : defense.Loss(new DefenseBatch(x, y, 5, model, output, ce, null, 0, 1)).Loss;
            loss.backward();
            optimizer.step();
        }
    }

    public object? GetService(Type serviceType) => serviceType == typeof(IPluginFactory) ? factory : null;

    public void Dispose()
    {
        optimizer.Dispose();
        model.Dispose();
        x.Dispose();
        y.Dispose();
    }
}
