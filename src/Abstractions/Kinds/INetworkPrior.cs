using TorchSharp;

namespace MIForge.Abstractions;

/// <summary>An optional ability of an <see cref="IPrior"/>: untrained networks built for a shape and exposed by
/// part, so weights trained elsewhere (a PyTorch state_dict) can be loaded into them and kept with
/// <see cref="IPrior.Save"/> (<c>miforge checkpoint import --prior</c>).</summary>
public interface INetworkPrior
{
    /// <summary>Builds untrained networks for <paramref name="shape"/> images and <paramref name="classes"/> discriminator outputs.</summary>
    void BuildNetworks(ImageShape shape, int classes);

    /// <summary>The built networks by part name ("generator", "discriminator").</summary>
    IReadOnlyDictionary<string, torch.nn.Module> Networks { get; }
}
