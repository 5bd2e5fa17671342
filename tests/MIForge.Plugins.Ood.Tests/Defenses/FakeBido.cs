using MIForge.Abstractions;
using static TorchSharp.torch;
using TorchSharp;

namespace MIForge.Plugins.Ood.Tests.Defenses;

/// <summary>Stands in for the BiDO defense: CE + 0.25, with a logged "bido" term.</summary>
public sealed class FakeBido : IDefense
{
    public int Calls { get; private set; }
    public IClassifier? Prepared { get; private set; }

    public IClassifier Prepare(IClassifier model) => Prepared = model;

    public DefenseLoss Loss(DefenseBatch batch)
    {
        Calls++;
        return new DefenseLoss(batch.CrossEntropy + 0.25, new Dictionary<string, double> { ["bido"] = 0.25 });
    }
}

/// <summary>Hands out the fake BiDO and a given OOD loss, recording which names were asked for.</summary>
public sealed class FakeFactory(IDefense bido, IOodLoss loss) : IPluginFactory
{
    public List<string> Asked { get; } = [];

    public TKind Create<TKind>(PluginRef<TKind> reference) where TKind : class
    {
        Asked.Add(reference.Name);
        return typeof(TKind) == typeof(IDefense) ? (TKind)bido : (TKind)loss;
    }
}
