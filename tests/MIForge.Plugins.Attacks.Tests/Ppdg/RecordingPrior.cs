using MIForge.Abstractions;
using TorchSharp;
using static TorchSharp.torch;

namespace MIForge.Plugins.Attacks.Tests.Ppdg;

/// <summary>A prior wrapping another that records its clones and, when a clone is disposed, what it
/// generated from fixed latents.</summary>
public sealed class RecordingPrior(IPrior inner, Tensor probe, List<RecordingPrior>? clones = null) : IFineTunablePrior
{
    /// <summary>Every clone made from this prior or its clones.</summary>
    public List<RecordingPrior> Clones { get; } = clones ?? [];

    /// <summary>Trainings run on this prior.</summary>
    public int Trainings { get; private set; }

    /// <summary>Images generated from the probe latents when this prior was disposed.</summary>
    public Tensor? LastImages { get; private set; }

    public int LatentDim => inner.LatentDim;
    public Tensor SampleLatents(long count) => inner.SampleLatents(count);
    public Tensor Generate(Tensor latents) => inner.Generate(latents);
    public Tensor Realness(Tensor images) => inner.Realness(images);
    public void Save(string directory) => inner.Save(directory);
    public void Load(string directory) => inner.Load(directory);

    public void Train(PriorTraining training)
    {
        Trainings++;
        inner.Train(training);
    }

    public IPrior Clone()
    {
        var copy = new RecordingPrior(inner.Clone(), probe, Clones);
        Clones.Add(copy);
        return copy;
    }

    /// <summary>Images [n,...] the prior generates from the probe latents now.</summary>
    public Tensor Probe()
    {
        using var _ = no_grad();
        return inner.Generate(probe).detach();
    }

    public void Dispose()
    {
        LastImages = Probe();
        inner.Dispose();
    }
}
