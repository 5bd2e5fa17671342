using MIForge.Abstractions;
using MIForge.Numerics.Imaging;
using MIForge.Host.Manifests;
using MIForge.Host.Runs;
using MIForge.Host.Training;
using TorchSharp;
using MIForge.Numerics.Serialization;
using Newtonsoft.Json.Linq;

namespace MIForge.Host.Stages;

/// <summary>Runs one attack against one target; writes reconstructions.safetensors (images,
/// classes, latents), reconstructions.png (a row per class) and attack.json (<see cref="AttackFacts"/>).</summary>
public sealed class AttackStage : Stage<AttackResult>
{
    private readonly AttackSpec spec;
    private readonly ClassifierStage target;
    private readonly PriorStage? prior;
    private readonly DataStage data;
    private readonly JToken attack;
    private readonly bool publicData;

    public AttackStage(PlanSource plan, AttackSpec spec, ClassifierStage target, PriorStage? prior, DataStage data)
        : base(plan, IdOf(target, spec.Id!), "attack", ConfigOf(plan, spec), prior is null ? [data, target] : [data, target, prior], plan.Describe(spec.Attack!))
    {
        this.spec = spec;
        this.target = target;
        this.prior = prior;
        this.data = data;
        attack = plan.Writer.WriteRef(spec.Attack!);
        publicData = spec.Access == TargetAccess.WhiteBox || plan.Manifest.Data.Split?.Public.Count > 0 || plan.Manifest.Data.Public is not null;
    }

    public string AttackId => spec.Id!;
    public ClassifierStage Target => target;

    /// <summary>"attack.&lt;target&gt;.&lt;attack&gt;": the stage id, and the seed key of attacks that seed as <paramref name="attackId"/>.</summary>
    private static string IdOf(ClassifierStage target, string attackId) => $"attack.{target.TargetId}.{attackId}";

    private static JObject ConfigOf(PlanSource p, AttackSpec a)
    {
        var c = (JObject)p.Writer.Write(a);
        c.Remove("id");
        c.Remove("targets");
        c["seed"] = p.Manifest.Seed;
        return c;
    }

    /// <summary>An attack with <c>seedAs</c> draws what the attack it names would (e.g. ppdg's round 0 is its base attack).</summary>
    public override string SeedKey => IdOf(target, spec.SeedAs ?? spec.Id!);

    public override void Execute(StageContext stage)
    {
        var plugin = stage.Create(spec.Attack!);
        if (plugin.Requires > spec.Access)
            throw new InvalidOperationException($"the attack needs {plugin.Requires} access but the manifest grants {spec.Access}");
        using var classifier = stage.Inputs.Of(target).Load(stage);
        using var priorModel = prior is null ? null : stage.Inputs.Of(prior).Load(stage);
        var targetModel = new TargetModel(classifier, spec.Access, spec.QueryBudget);
        var classes = spec.Classes ?? Enumerable.Range(0, classifier.ClassCount).ToList();
        var publicImages = publicData ? stage.Inputs.Of(data).Public : null;
        using var result = plugin.Invert(new AttackRequest(targetModel, priorModel, classes, spec.PerClass, publicImages, spec.QueryBudget));
        Save(stage.Directory, result);
        var rows = result.Classes.cpu().data<long>().ToArray();
        AtomicFile.WriteAllBytes(Path.Combine(stage.Directory, StageLayout.ReconstructionGrid), ImageGrid.ToPng(result.Images, rows));
        AtomicFile.WriteJson(Path.Combine(stage.Directory, StageLayout.AttackFacts),
            new AttackFacts(Id, attack, spec.Access.ToString(), targetModel.Queries, rows.Length).ToJson());
    }

    public override AttackResult Open(StageResult result) => AttackResult.Open(Id, FolderOf(result));

    private static void Save(string directory, Reconstructions r)
    {
        var tensors = new Dictionary<string, torch.Tensor> { ["images"] = r.Images.detach().cpu().contiguous(), ["classes"] = r.Classes.cpu().contiguous() };
        if (r.Latents is { } z) tensors["latents"] = z.detach().cpu().contiguous();
        SafeTensors.Save(Path.Combine(directory, StageLayout.Reconstructions), tensors, new Dictionary<string, string> { ["producer"] = "MIForge", ["kind"] = "reconstructions" });
    }
}
