using MIForge.Abstractions;
using static TorchSharp.torch;

namespace MIForge.Plugins.Attacks.Tests.Ppdg;

/// <summary>A prior wrapping another without <see cref="IFineTunablePrior"/>: attacks that fine-tune must refuse it.</summary>
public sealed class UntunablePrior(IPrior inner) : IPrior
{
    /// <summary>How often it was cloned.</summary>
    public int Clones { get; private set; }

    public int LatentDim => inner.LatentDim;
    public Tensor SampleLatents(long count) => inner.SampleLatents(count);
    public Tensor Generate(Tensor latents) => inner.Generate(latents);
    public Tensor Realness(Tensor images) => inner.Realness(images);
    public void Train(PriorTraining training) => inner.Train(training);
    public void Save(string directory) => inner.Save(directory);
    public void Load(string directory) => inner.Load(directory);

    public IPrior Clone()
    {
        Clones++;
        return inner.Clone();
    }

    public void Dispose() { }
}
