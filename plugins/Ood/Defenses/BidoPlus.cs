using MIForge.Abstractions;
using MIForge.Plugins.Ood.Losses;
using static TorchSharp.torch;
using TorchSharp;

namespace MIForge.Plugins.Ood.Defenses;

/// <summary>Unknown-aware BiDO (Peng et al., TPAMI 2025): the BiDO objective alone for a first phase,
/// then BiDO plus an OOD term on auxiliary outlier batches (energy margin or outlier exposure), so the
/// defended model still tells in-distribution inputs from outliers.</summary>
[Plugin("bido-plus", "BiDO, then BiDO plus an OOD term on auxiliary outliers (unknown-aware BiDO, Peng et al. 2025)")]
public sealed class BidoPlus : IDefense, IDisposable
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

    /// <inheritdoc/>
    public DefenseLoss Loss(DefenseBatch batch)
    {
        var objective = bido.Loss(batch);
        var start = SecondPhaseStart(batch.Epochs);
        var observing = batch.Epoch == start - 1 && oodLoss.ObservesWarmup;
        if (batch.Epoch < start && !observing) return objective;
        var auxiliary = batch.Auxiliary ?? throw new InvalidOperationException("bido-plus needs auxiliary OOD images (data.auxiliary in the manifest)");
        if (batch.Epoch < start)
        {
            using var noGrad = no_grad();
            using var seen = batch.Model.Forward(auxiliary);
            oodLoss.Observe(batch.Output, seen);
            return objective;
        }
        using var outliers = batch.Model.Forward(auxiliary);
        var term = oodLoss.Loss(batch.Output, outliers);
        var terms = new Dictionary<string, double>(objective.Terms) { ["ood"] = term.ToDouble() };
        return new DefenseLoss(objective.Loss + term, terms);
    }

    /// <summary>Disposes the inner plugins that own resources.</summary>
    public void Dispose()
    {
        (bido as IDisposable)?.Dispose();
        (oodLoss as IDisposable)?.Dispose();
    }
}
