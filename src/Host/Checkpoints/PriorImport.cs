using MIForge.Abstractions;
using MIForge.Host.Manifests;
using MIForge.Host.Plugins;
using MIForge.Host.Services;
using TorchSharp;

namespace MIForge.Host.Checkpoints;

/// <summary>What <c>miforge checkpoint import-prior</c> is asked to do.</summary>
/// <param name="Generator">The generator's PyTorch file (GMI's / KED-MI's <c>G</c>).</param>
/// <param name="Discriminator">The discriminator's PyTorch file (<c>D</c>); null keeps it untrained.</param>
/// <param name="Prior">The prior plugin (wgan-gp, kedmi-gan) with its options.</param>
/// <param name="Input">Image shape the generator produces.</param>
/// <param name="Classes">Discriminator outputs (KED-MI: the target's class count; 1 for a critic).</param>
/// <param name="OutDirectory">The prior folder to write; name it in the prior's <c>checkpoint</c> option.</param>
/// <param name="Renames">Key renames, applied before matching, to both files.</param>
public sealed record PriorImportRequest(string Generator, string? Discriminator, PluginRef<IPrior> Prior, ImageShape Input, int Classes,
    string OutDirectory, IReadOnlyList<(string from, string to)> Renames);

/// <summary>Turns a reference repository's generator (and discriminator) state_dicts into a MIForge prior folder.</summary>
public sealed class PriorImport(PluginCatalog catalog, IServiceProvider services)
{
    /// <summary>Writes the prior folder; returns how many tensors each part received.</summary>
    public IReadOnlyDictionary<string, int> Run(PriorImportRequest r)
    {
        Directory.CreateDirectory(r.OutDirectory);
        using var generator = new torch.Generator(0);
        var context = new RunContext(r.OutDirectory, r.OutDirectory, Directory.GetCurrentDirectory(), torch.CPU, 0, generator, CancellationToken.None);
        using var stage = new StageServices(services, context, new SilentProgress(), Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
        var prior = new PluginFactory(catalog, stage, null).Create(r.Prior);
        try
        {
            if (prior is not INetworkPrior networks)
                throw new ManifestException(null, "--prior", $"prior '{r.Prior.Name}' cannot take imported networks; use a GAN prior such as wgan-gp or kedmi-gan");
            networks.BuildNetworks(r.Input, r.Classes);
            var counts = new Dictionary<string, int> { ["generator"] = PyTorchOrder.LoadInto(networks.Networks["generator"], r.Generator, r.Renames).Count };
            if (r.Discriminator is { } d) counts["discriminator"] = PyTorchOrder.LoadInto(networks.Networks["discriminator"], d, r.Renames).Count;
            prior.Save(r.OutDirectory);
            return counts;
        }
        finally
        {
            prior.Dispose();
        }
    }

    private sealed class SilentProgress : IProgressReporter
    {
        public void Report(string phase, long step, long total, double? loss = null) { }
    }
}
