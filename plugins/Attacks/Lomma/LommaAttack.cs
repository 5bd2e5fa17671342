using MIForge.Abstractions;
using MIForge.Plugins.Attacks.Latent;
using Newtonsoft.Json.Linq;

namespace MIForge.Plugins.Attacks.Lomma;

/// <summary>LOMMA (Nguyen et al. 2023) as its own attack entry: runs the named base latent attack with
/// the logit loss and model augmentation switched on through the base's "lomma" options.</summary>
[Plugin("lomma", "LOMMA: a latent attack (gmi by default) with logit loss and distilled surrogate models")]
public sealed class LommaAttack(LommaAttackOptions options, IPluginFactory factory) : IAttack
{
    /// <summary>Gradients of target and surrogates are needed.</summary>
    public TargetAccess Requires => TargetAccess.WhiteBox;

    /// <inheritdoc/>
    public Reconstructions Invert(AttackRequest request) => factory.Create(BaseAttack()).Invert(request);

    /// <summary>The base attack's reference with its "lomma" key set from these options. When the host bound the
    /// base's options (gmi, kedmi), the reference carries a typed copy of them with these LOMMA settings, which the
    /// base is created with; the JSON is for any other base attack whose options have a "lomma" object.</summary>
    internal PluginRef<IAttack> BaseAttack()
    {
        var typed = options.Attack.BoundOptions is LatentAttackOptions bound ? bound.WithLomma(options) : null;
        var merged = options.Attack.Options is { } o ? (JObject)o.DeepClone() : new JObject();
        merged["lomma"] = new JObject
        {
            ["logitLoss"] = options.LogitLoss,
            ["featureWeight"] = options.FeatureWeight,
            ["surrogates"] = new JArray(options.Surrogates.Select(s => new JObject { ["name"] = s.Name, ["options"] = s.Options?.DeepClone() })),
            ["distillEpochs"] = options.DistillEpochs,
            ["distillLearningRate"] = options.DistillLearningRate,
            ["distillBatchSize"] = options.DistillBatchSize,
            ["temperature"] = options.Temperature,
        };
        return new PluginRef<IAttack>(options.Attack.Name, merged, typed);
    }
}
