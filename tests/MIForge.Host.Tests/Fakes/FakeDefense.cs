using System.ComponentModel.DataAnnotations;
using MIForge.Abstractions;
using TorchSharp;
using static TorchSharp.torch;

namespace MIForge.Host.Tests.Fakes;

public sealed class FakeDefenseOptions
{
    [Range(0.0, 10.0)]
    public double Weight { get; set; } = 0.1;

    public PluginRef<IDependencyMeasure> Measure { get; set; } = new("fake-dependency");
}

/// <summary>CE + weight·d(hidden, onehot) with a dependency measure made through the factory.</summary>
[Plugin("fake-defense", "cross-entropy plus a dependency penalty")]
public sealed class FakeDefense(FakeDefenseOptions options, IPluginFactory factory) : IDefense
{
    private readonly IDependencyMeasure measure = factory.Create(options.Measure);

    public DefenseLoss Loss(DefenseBatch batch)
    {
        var y = TorchSharp.torch.nn.functional.one_hot(batch.Labels, batch.ClassCount).to(ScalarType.Float32);
        var d = measure.Measure(batch.Output.Features, y);
        return new DefenseLoss(batch.CrossEntropy + d * options.Weight, new Dictionary<string, double> { ["dep"] = d.ToDouble() });
    }
}

public sealed class FakeDependencyOptions
{
    [Range(0.001, 100.0)]
    public double Scale { get; set; } = 1;
}

[Plugin("fake-dependency", "mean product of centred features")]
public sealed class FakeDependency(FakeDependencyOptions options) : IDependencyMeasure
{
    public TorchSharp.torch.Tensor Measure(TorchSharp.torch.Tensor x, TorchSharp.torch.Tensor y) =>
        (x - x.mean([0L], keepdim: true)).mean().abs() * (y - y.mean([0L], keepdim: true)).mean().abs() * options.Scale;
}
