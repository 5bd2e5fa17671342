using MIForge.Abstractions;
using MIForge.Numerics.Imaging;
using MIForge.Host.Manifests;
using MIForge.Host.Runs;
using MIForge.Host.Training;
using TorchSharp;
using MIForge.Numerics.Serialization;
using Newtonsoft.Json.Linq;
using static TorchSharp.torch;

namespace MIForge.Host.Stages;

/// <summary>Runs one attack against one target; writes reconstructions.safetensors (images,
/// classes, latents), reconstructions.png (a row per class) and attack.json.</summary>
public sealed class AttackStage(Experiment experiment, AttackSpec spec, ClassifierStage target, PriorStage? prior, Stage data)
    : Stage(IdOf(target, spec.Id!), "attack", ConfigOf(experiment, spec),
        prior is null ? [data, target] : [data, target, prior], experiment.Describe(spec.Attack!))
{
    public const string FileName = StageLayout.Reconstructions;

    public string AttackId => spec.Id!;
    public ClassifierStage Target => target;

    /// <summary>"attack.&lt;target&gt;.&lt;attack&gt;": the stage id, and the seed key of attacks that seed as <paramref name="attackId"/>.</summary>
    private static string IdOf(ClassifierStage target, string attackId) => $"attack.{target.TargetId}.{attackId}";

    private static JObject ConfigOf(Experiment e, AttackSpec a)
    {
        var c = (JObject)e.Writer.Write(a);
        c.Remove("id");
        c.Remove("targets");
        c["seed"] = e.Manifest.Seed;
        return c;
    }

    /// <summary>An attack with <c>seedAs</c> draws what the attack it names would (e.g. ppdg's round 0 is its base attack).</summary>
    public override string SeedKey => IdOf(target, spec.SeedAs ?? spec.Id!);

    public override void Execute(StageContext stage)
    {
        var directory = stage.Directory;
        using var services = experiment.ServicesFor(Id, stage);
        var scope = new StageServicesScope(Id, directory, services);
        var attack = experiment.Create(spec.Attack!, services);
        if (attack.Requires > spec.Access)
            throw new InvalidOperationException($"the attack needs {attack.Requires} access but the manifest grants {spec.Access}");
        using var classifier = target.Load(scope);
        using var priorModel = prior?.Load(scope);
        var targetModel = new TargetModel(classifier, spec.Access, spec.QueryBudget);
        var classes = spec.Classes ?? Enumerable.Range(0, classifier.ClassCount).ToList();
        var publicData = spec.Access == TargetAccess.WhiteBox || experiment.Manifest.Data.Split?.Public.Count > 0 ? experiment.Data.Public : null;
        using var result = attack.Invert(new AttackRequest(targetModel, priorModel, classes, spec.PerClass, publicData, spec.QueryBudget));
        Save(directory, result);
        var rows = result.Classes.cpu().data<long>().ToArray();
        AtomicFile.WriteAllBytes(Path.Combine(directory, StageLayout.ReconstructionGrid), ImageGrid.ToPng(result.Images, rows));
        AtomicFile.WriteJson(Path.Combine(directory, StageLayout.AttackFacts), new JObject
        {
            ["stage"] = Id,
            ["attack"] = experiment.Writer.WriteRef(spec.Attack!),
            ["access"] = spec.Access.ToString(),
            ["queries"] = targetModel.Queries,
            ["images"] = rows.Length,
        });
    }

    private static void Save(string directory, Reconstructions r)
    {
        var tensors = new Dictionary<string, torch.Tensor> { ["images"] = r.Images.detach().cpu().contiguous(), ["classes"] = r.Classes.cpu().contiguous() };
        if (r.Latents is { } z) tensors["latents"] = z.detach().cpu().contiguous();
        SafeTensors.Save(Path.Combine(directory, FileName), tensors, new Dictionary<string, string> { ["producer"] = "MIForge", ["kind"] = "reconstructions" });
    }

    /// <summary>The reconstructions from this stage's folder; the caller owns them.</summary>
    public Reconstructions Load() => Load(Path.Combine(Directory!, FileName));

    /// <summary>Per-round reconstructions a multi-round attack (ppdg) wrote as rounds/round-N.safetensors, by round.</summary>
    public IEnumerable<(int Round, string Path)> RoundFiles() => AttackRounds.In(Directory!);

    /// <summary>Reconstructions from a file in this stage's layout; the caller owns them.</summary>
    public static Reconstructions Load(string path)
    {
        var (tensors, _) = SafeTensors.Load(path);
        return new Reconstructions(tensors["images"], tensors["classes"], tensors.GetValueOrDefault("latents"));
    }
}
