using MIForge.Abstractions;
using MIForge.Plugins.Ood.Losses;
using static TorchSharp.torch;
using TorchSharp;

namespace MIForge.Plugins.Ood.Defenses;

/// <summary>Unknown-aware BiDO (Peng et al., TPAMI 2025): the BiDO objective alone for a first phase,
/// then BiDO plus an OOD term on auxiliary outlier batches (energy margin or outlier exposure), so the
/// defended model still tells in-distribution inputs from outliers. In the second phase the host
/// forwards each training batch and its outliers as one batch, as outlier exposure and energy training
/// do, so batch-norm statistics are those of the mixed batch in training and at test time alike; the
/// margins a loss measures in the last first-phase epoch come from eval-mode passes that change nothing.</summary>
[Plugin("bido-plus", "BiDO, then BiDO plus an OOD term on auxiliary outliers (unknown-aware BiDO, Peng et al. 2025)")]
public sealed class BidoPlus : IDefense, IJointAuxiliaryForward, IDisposable
{
    private readonly BidoPlusOptions options;
    private readonly IDefense bido;
    private readonly IOodLoss oodLoss;

    /// <summary>Creates the BiDO part and the OOD loss through the host's plugin factory.</summary>
    public BidoPlus(BidoPlusOptions options, IPluginFactory factory)
    {
        this.options = options;
        bido = factory.Create(options.Bido);
        oodLoss = factory.Create(options.OodLoss);
    }

    /// <inheritdoc/>
    public int AuxiliaryBatchSize => options.AuxiliaryBatchSize;

    /// <inheritdoc/>
    public IClassifier Prepare(IClassifier model) => bido.Prepare(model);

    /// <summary>The first epoch (zero-based) whose objective includes the OOD term.</summary>
    public int SecondPhaseStart(int epochs) => options.FirstPhaseEpochs ?? epochs / 2;

    /// <summary>The second phase forwards training and outlier batches together.</summary>
    public bool ForwardsJointly(int epoch, int epochs) => epoch >= SecondPhaseStart(epochs);

    /// <inheritdoc/>
    public DefenseLoss Loss(DefenseBatch batch)
    {
        var objective = bido.Loss(batch);
        var start = SecondPhaseStart(batch.Epochs);
        var observing = batch.Epoch == start - 1 && oodLoss is IWarmupObserver { Observing: true };
        if (batch.Epoch < start && !observing) return objective;
        var auxiliary = batch.Auxiliary ?? throw new InvalidOperationException("bido-plus needs auxiliary OOD images (data.auxiliary in the manifest)");
        if (batch.Epoch < start)
        {
            Observe(batch.Model, batch.Images, auxiliary);
            return objective;
        }
        var outliers = batch.AuxiliaryOutput
            ?? throw new InvalidOperationException("bido-plus needs the outliers' output from the training batch's forward pass (IJointAuxiliaryForward); this host did not provide it");
        var term = oodLoss.Loss(batch.Output, outliers);
        var terms = new Dictionary<string, double>(objective.Terms) { ["ood"] = term.ToDouble() };
        return new DefenseLoss(objective.Loss + term, terms);
    }

    /// <summary>Shows the OOD loss the model's outputs on a first-phase batch and its outliers, in eval mode
    /// and without gradients, so that observing updates no batch-norm statistic and draws no dropout mask.</summary>
    private void Observe(IClassifier model, Tensor images, Tensor auxiliary)
    {
        using var noGrad = no_grad();
        var wasTraining = model.Module.training;
        model.Module.eval();
        try
        {
            using var seenIn = model.Forward(images);
            using var seenOut = model.Forward(auxiliary);
            ((IWarmupObserver)oodLoss).Observe(seenIn, seenOut);
        }
        finally
        {
            if (wasTraining) model.Module.train();
        }
    }

    /// <summary>Disposes the inner plugins that own resources.</summary>
    public void Dispose()
    {
        (bido as IDisposable)?.Dispose();
        (oodLoss as IDisposable)?.Dispose();
    }
}
