using MIForge.Abstractions;
using MIForge.Numerics;
using MIForge.Plugins.Ood.Defenses;
using MIForge.Plugins.Ood.Losses;
using MIForge.Plugins.Ood.Tests.Fakes;
using static TorchSharp.torch;
using TorchSharp;

namespace MIForge.Plugins.Ood.Tests.Defenses;

/// <summary>The two-phase schedule: BiDO alone, then BiDO plus the OOD term on auxiliary images.</summary>
public class BidoPlusTests
{
    private readonly FakeBido bido = new();
    private readonly LinearClassifier model = ScorerInputs.Model();

    private BidoPlus Create(IOodLoss loss, int? firstPhase = 2, FakeFactory? factory = null) =>
        new(new BidoPlusOptions { FirstPhaseEpochs = firstPhase, AuxiliaryBatchSize = 3 }, factory ?? new FakeFactory(bido, loss));

    private DefenseLoss Step(BidoPlus defense, int epoch, int epochs = 4, bool auxiliary = true)
    {
        var x = ScorerInputs.Images(ScorerInputs.Train.Take(4).ToArray());
        var y = tensor(new long[] { 0, 1, 2, 0 });
        var output = model.Forward(x);
        var ce = nn.functional.cross_entropy(output.Logits, y);
        var aux = auxiliary ? ScorerInputs.Images(ScorerInputs.Test.Take(3).ToArray()) : null;
        // the host forwards the outliers with the batch in the epochs the defense asks it to
        var auxOutput = aux is not null && defense.ForwardsJointly(epoch, epochs) ? model.Forward(aux) : null;
        return defense.Loss(new DefenseBatch(x, y, 3, model, output, ce, aux, epoch, epochs) { AuxiliaryOutput = auxOutput });
    }

    [Fact]
    public void Only_the_second_phase_asks_the_host_for_a_joint_forward()
    {
        var defense = Create(new OutlierExposure(new()), firstPhase: 2);
        Assert.Equal([false, false, true, true], Enumerable.Range(0, 4).Select(e => defense.ForwardsJointly(e, 4)));
    }

    [Fact]
    public void Second_phase_uses_the_hosts_joint_forward_and_runs_no_forward_of_its_own()
    {
        using var scope = NewDisposeScope();
        var defense = Create(new OutlierExposure(new()));
        var x = ScorerInputs.Images(ScorerInputs.Train.Take(4).ToArray());
        var y = tensor(new long[] { 0, 1, 2, 0 });
        var output = model.Forward(x);
        var aux = ScorerInputs.Images(ScorerInputs.Test.Take(3).ToArray());
        var auxOutput = model.Forward(aux);
        var before = model.Forwards;
        var ce = nn.functional.cross_entropy(output.Logits, y);
        defense.Loss(new DefenseBatch(x, y, 3, model, output, ce, aux, 2, 4) { AuxiliaryOutput = auxOutput });
        Assert.Equal(before, model.Forwards);
        var e = Assert.Throws<InvalidOperationException>(() => defense.Loss(new DefenseBatch(x, y, 3, model, output, ce, aux, 2, 4)));
        Assert.Contains("IJointAuxiliaryForward", e.Message);
    }

    [Fact]
    public void Measuring_margins_changes_no_batch_norm_statistic_and_keeps_the_model_training()
    {
        using var scope = NewDisposeScope();
        var margin = new EnergyMargin(new EnergyMarginOptions());
        var defense = Create(margin);
        using var normalized = new NormalizedClassifier(4, 3);
        normalized.train();
        var x = ScorerInputs.Images(ScorerInputs.Train.Take(4).ToArray());
        var y = tensor(new long[] { 0, 1, 2, 0 });
        var output = normalized.Forward(x);
        var mean = normalized.RunningMean.clone();
        var aux = ScorerInputs.Images(ScorerInputs.Test.Take(3).ToArray()) * 5 + 3;
        defense.Loss(new DefenseBatch(x, y, 3, normalized, output, nn.functional.cross_entropy(output.Logits, y), aux, 1, 4));
        Assert.False(double.IsNaN(margin.OutMargin));
        Assert.True(mean.equal(normalized.RunningMean).all().item<bool>(), "observing the outliers moved the running mean");
        Assert.True(normalized.training);
    }

    [Fact]
    public void Resolves_bido_and_the_ood_loss_through_the_factory_and_asks_for_auxiliary_images()
    {
        var factory = new FakeFactory(bido, new OutlierExposure(new()));
        var defense = new BidoPlus(new BidoPlusOptions { AuxiliaryBatchSize = 96 }, factory);
        Assert.Equal(["bido", "energy-margin"], factory.Asked);
        Assert.Equal(96, ((IDefense)defense).AuxiliaryBatchSize);
        Assert.Same(model, ((IDefense)defense).Prepare(model));
        Assert.Same(model, bido.Prepared);
    }

    [Fact]
    public void First_phase_is_bido_alone()
    {
        using var scope = NewDisposeScope();
        var defense = Create(new OutlierExposure(new()));
        var before = model.Forwards;
        var loss = Step(defense, epoch: 1);
        Assert.Equal(before + 1, model.Forwards);
        Assert.Equal(["bido"], loss.Terms.Keys);
        Assert.Equal(1, bido.Calls);
    }

    [Fact]
    public void Second_phase_adds_the_ood_term_on_the_auxiliary_batch()
    {
        using var scope = NewDisposeScope();
        var oe = new OutlierExposure(new());
        var defense = Create(oe);
        var loss = Step(defense, epoch: 2);
        using var aux = model.Forward(ScorerInputs.Images(ScorerInputs.Test.Take(3).ToArray()));
        var expectedOod = oe.Loss(aux, aux).ToDouble();
        Assert.Equal(expectedOod, loss.Terms["ood"], 6);
        Assert.Equal(0.25, loss.Terms["bido"]);
        var x = ScorerInputs.Images(ScorerInputs.Train.Take(4).ToArray());
        var ce = nn.functional.cross_entropy(model.Forward(x).Logits, tensor(new long[] { 0, 1, 2, 0 })).ToDouble();
        Assert.Equal(ce + 0.25 + expectedOod, loss.Loss.ToDouble(), 5);
        Assert.True(loss.Loss.requires_grad);
    }

    [Theory]
    [InlineData(10, 5)]
    [InlineData(7, 3)]
    [InlineData(1, 0)]
    public void First_phase_defaults_to_half_the_epochs(int epochs, int start) =>
        Assert.Equal(start, Create(new OutlierExposure(new()), firstPhase: null).SecondPhaseStart(epochs));

    [Fact]
    public void Energy_margin_measures_its_margins_in_the_last_first_phase_epoch()
    {
        using var scope = NewDisposeScope();
        var margin = new EnergyMargin(new EnergyMarginOptions());
        var defense = Create(margin);
        Step(defense, epoch: 0);
        Assert.True(double.IsNaN(margin.InMargin));
        var first = Step(defense, epoch: 1);
        Assert.DoesNotContain("ood", first.Terms.Keys);
        using var id = model.Forward(ScorerInputs.Images(ScorerInputs.Train.Take(4).ToArray()));
        using var aux = model.Forward(ScorerInputs.Images(ScorerInputs.Test.Take(3).ToArray()));
        Assert.Equal(EnergyScore.Energy(id.Logits).mean().ToDouble(), margin.InMargin, 5);
        Assert.Equal(EnergyScore.Energy(aux.Logits).mean().ToDouble(), margin.OutMargin, 5);
        var second = Step(defense, epoch: 2);
        Assert.Equal(margin.Loss(id, aux).ToDouble(), second.Terms["ood"], 6);
    }

    [Fact]
    public void Missing_auxiliary_images_in_the_second_phase_are_an_error()
    {
        using var scope = NewDisposeScope();
        var e = Assert.Throws<InvalidOperationException>(() => Step(Create(new OutlierExposure(new())), epoch: 3, auxiliary: false));
        Assert.Contains("auxiliary", e.Message);
    }
}
