using MIForge.Abstractions;
using MIForge.Plugins.Priors.Checkpoints;
using MIForge.Plugins.Priors.Networks;
using MIForge.Plugins.Priors.Samples;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MIForge.Plugins.Priors.Training;

/// <summary>A DCGAN generator with a discriminator <typeparamref name="TDiscriminator"/>: latents are
/// N(0, I), training alternates n_critic discriminator steps with one generator step (Adam), and
/// the prior saves, loads and clones both networks. Subclasses give the two losses and realness.</summary>
public abstract class GanPrior<TOptions, TDiscriminator> : IFineTunablePrior, INetworkPrior
    where TOptions : GanOptions
    where TDiscriminator : nn.Module
{
    private DcganGenerator? generator;
    private TDiscriminator? discriminator;

    /// <summary>Stores what every GAN prior needs from the host.</summary>
    protected GanPrior(TOptions options, IRunContext context, IProgressReporter progress)
    {
        (Options, Context, Progress) = (options, context, progress);
    }

    /// <summary>The bound options.</summary>
    protected TOptions Options { get; }

    /// <summary>The stage this prior runs in (device, seed, folder, cancellation).</summary>
    protected IRunContext Context { get; }

    /// <summary>Where training progress goes.</summary>
    protected IProgressReporter Progress { get; }

    /// <summary>The plugin name written to checkpoints.</summary>
    protected abstract string PluginName { get; }

    /// <summary>Independent real batches each step needs (KED-MI draws three).</summary>
    protected virtual int RealStreams => 1;

    /// <summary>The architecture of the built networks, or null before training or loading.</summary>
    public GanArchitecture? Architecture { get; private set; }

    /// <summary>The generator; throws before training or loading.</summary>
    protected DcganGenerator Generator => generator ?? throw NotReady();

    /// <summary>The discriminator; throws before training or loading.</summary>
    protected TDiscriminator Discriminator => discriminator ?? throw NotReady();


    /// <inheritdoc/>
    public int LatentDim => Architecture?.LatentDim ?? Options.LatentDim;

    /// <summary>Discriminator outputs for a training call: 1, or the target's class count.</summary>
    protected abstract int ClassesFor(PriorTraining training);

    /// <summary>A discriminator for <paramref name="architecture"/>.</summary>
    protected abstract TDiscriminator CreateDiscriminator(GanArchitecture architecture);

    /// <summary>An untrained prior of the same type with the same options and host services.</summary>
    protected abstract GanPrior<TOptions, TDiscriminator> CreateSibling();

    /// <summary>The scalar the discriminator minimises; <see cref="GanStep.Fake"/> is detached.</summary>
    protected abstract Tensor DiscriminatorLoss(GanStep step);

    /// <summary>The scalar the generator minimises.</summary>
    protected abstract Tensor GeneratorLoss(GanStep step);

    /// <inheritdoc/>
    public abstract Tensor Realness(Tensor images);

    /// <inheritdoc/>
    public Tensor SampleLatents(long count) => randn(new[] { count, (long)LatentDim }, device: Context.Device);

    /// <inheritdoc/>
    public Tensor Generate(Tensor latents)
    {
        Generator.eval();
        return Generator.forward(latents);
    }

    /// <inheritdoc/>
    public void BuildNetworks(ImageShape shape, int classes) => Build(new GanArchitecture(shape, Options.LatentDim, Options.Width, classes));

    /// <inheritdoc/>
    public IReadOnlyDictionary<string, nn.Module> Networks => new Dictionary<string, nn.Module>
    {
        ["generator"] = Generator,
        ["discriminator"] = Discriminator,
    };

    /// <inheritdoc/>
    public void Train(PriorTraining training)
    {
        var architecture = new GanArchitecture(training.Data.Shape, Options.LatentDim, Options.Width, ClassesFor(training));
        if (Architecture is null && Options.Checkpoint is { } start) Load(Context.ResolvePath(start));
        if (Architecture is null) Build(architecture);
        else if (Architecture.Shape != architecture.Shape || Architecture.Classes != architecture.Classes)
            throw new InvalidOperationException($"this {PluginName} prior was built for {Architecture.Shape} images and {Architecture.Classes} outputs; cannot train it on {architecture.Shape} with {architecture.Classes}");
        new GanTraining<TOptions, TDiscriminator>(this, training).Run();
    }

    /// <inheritdoc/>
    public void Save(string directory) => GanCheckpoint.Save(directory, PluginName, Architecture ?? throw NotReady(), Generator, Discriminator);

    /// <inheritdoc/>
    public void Load(string directory)
    {
        Build(GanCheckpoint.ReadArchitecture(directory, PluginName));
        GanCheckpoint.Load(directory, Generator, Discriminator);
        SetTraining(false);
    }

    /// <inheritdoc/>
    public IPrior Clone()
    {
        var copy = CreateSibling();
        if (Architecture is null) return copy;
        copy.Build(Architecture);
        copy.Generator.load_state_dict(Generator.state_dict());
        copy.Discriminator.load_state_dict(Discriminator.state_dict());
        copy.SetTraining(false);
        return copy;
    }

    /// <summary>Frees both networks.</summary>
    public void Dispose()
    {
        generator?.Dispose();
        discriminator?.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Sets train or eval mode on both networks.</summary>
    internal void SetTraining(bool on)
    {
        Generator.train(on);
        Discriminator.train(on);
    }

    /// <summary>The generator in its current mode (training steps use batch statistics).</summary>
    internal Tensor Forward(Tensor latents) => Generator.forward(latents);

    internal IEnumerable<Parameter> GeneratorParameters => Generator.parameters();
    internal IEnumerable<Parameter> DiscriminatorParameters => Discriminator.parameters();

    /// <summary>Drops accumulated gradients so a finished prior holds no gradient tensors.</summary>
    internal void ZeroGradients()
    {
        Generator.zero_grad();
        Discriminator.zero_grad();
    }

    internal Tensor DiscriminatorLossOf(GanStep step) => DiscriminatorLoss(step);
    internal Tensor GeneratorLossOf(GanStep step) => GeneratorLoss(step);
    internal int Streams => RealStreams;
    internal TOptions Settings => Options;
    internal IRunContext Run => Context;
    internal IProgressReporter Reporter => Progress;

    /// <summary>Writes a grid of images generated from <paramref name="latents"/> (eval mode, no gradients).</summary>
    internal void WriteSamples(string path, Tensor latents)
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        var wasTraining = Generator.training;
        SampleGrid.Write(path, Generate(latents));
        Generator.train(wasTraining);
    }

    private void Build(GanArchitecture architecture)
    {
        generator?.Dispose();
        discriminator?.Dispose();
        generator = new DcganGenerator(architecture);
        discriminator = CreateDiscriminator(architecture);
        generator.to(Context.Device);
        discriminator.to(Context.Device);
        Architecture = architecture;
    }

    private InvalidOperationException NotReady() =>
        new($"the {PluginName} prior has no networks yet: train it or load a checkpoint first");
}
