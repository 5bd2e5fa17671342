using MIForge.Host.Data;
using MIForge.Host.Manifests;
using MIForge.Host.Runs;
using MIForge.Host.Services;
using MIForge.Host.Stages;
using MIForge.Host.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Newtonsoft.Json.Linq;

namespace MIForge.Host.Tests.Stages;

/// <summary>The runner keeps hashes, folders and the data in its own records (the plan's stages are never
/// changed), and a stage reads its inputs as typed artifacts made from those records.</summary>
public sealed class StageRunnerTests
{
    private const string Target = "target.fake-linear-fake-defense";
    private const string AttackMetrics = "metrics.fake-linear-fake-defense.fake-attack";

    /// <summary>A fresh plan of the workspace's manifest and a runner for it.</summary>
    private static (IReadOnlyList<Stage> stages, StageRunner runner) Plan(Workspace w)
    {
        var catalog = TestPlugins.Catalog();
        var loaded = new ManifestLoader(catalog).Load(Path.Combine(w.Root, "manifest.json"));
        var point = loaded.Points[0];
        var run = new RunFolder(w.Out, point.Label);
        var services = new ServiceCollection().AddLogging().BuildServiceProvider();
        var scopes = new StageScopes(catalog, services, TextWriter.Null, run.Directory, loaded.File, point.Model.Device);
        var stages = StagePlan.Build(new PlanSource(loaded, point, catalog, run));
        return (stages, new StageRunner(run, NullLogger.Instance, point.Model.Seed, "test-runtime", scopes));
    }

    /// <summary>The workspace's manifest planned and run once; the caller disposes the runner.</summary>
    private static (IReadOnlyList<Stage> stages, StageRunner runner) Ran(Workspace w)
    {
        w.Write(Workspace.Manifest());
        var (stages, runner) = Plan(w);
        runner.Run(stages, [], CancellationToken.None);
        return (stages, runner);
    }

    private static T Find<T>(IReadOnlyList<Stage> stages, string id) where T : Stage => (T)stages.Single(s => s.Id == id);

    [Fact]
    public void The_runner_records_every_stage_and_a_second_runner_finds_the_same_records_without_loading_the_data()
    {
        using var w = new Workspace();
        w.Write(Workspace.Manifest());
        var (stages, runner) = Plan(w);
        IReadOnlyList<StageOutcome> first;
        using (runner)
        {
            first = runner.Run(stages, [], CancellationToken.None);
            foreach (var o in first)
            {
                var record = runner.Results[stages.Single(s => s.Id == o.Id)];
                Assert.Equal(o.Hash, record.Hash);
                Assert.Equal(o.Directory, record.Directory);
            }
            Assert.IsType<ExperimentData>(runner.Results[Find<Stage>(stages, "data")].Value);
            Assert.Contains(first, o => o.Status == StageStatus.Ran && o.Kind == "target");
        }

        var (again, second) = Plan(w);
        using (second)
        {
            var outcomes = second.Run(again, [], CancellationToken.None);
            Assert.Equal(first.Select(o => (o.Id, o.Hash)), outcomes.Select(o => (o.Id, o.Hash)));
            Assert.All(outcomes.Where(o => o.Kind is not ("data" or "report")), o => Assert.Equal(StageStatus.Cached, o.Status));
            Assert.Null(second.Results[Find<Stage>(again, "data")].Value);
        }
    }

    [Fact]
    public void A_stage_reads_its_inputs_direct_or_not_as_typed_artifacts_and_nothing_else()
    {
        using var w = new Workspace();
        var (stages, runner) = Ran(w);
        using var _ = runner;
        var inputs = new StageInputs(Find<Stage>(stages, AttackMetrics), runner.Results);

        var target = inputs.Of(Find<ClassifierStage>(stages, Target));
        var logged = (double)JObject.Parse(File.ReadAllText(Path.Combine(w.StageDirectory(Target), "training.json")))["test_acc"]!;
        Assert.Equal(logged, target.TestAccuracy);
        Assert.Equal(2, target.Log.Series("loss").Length);

        var attack = inputs.Of(Find<AttackStage>(stages, "attack.fake-linear-fake-defense.fake-attack"));
        Assert.Equal(2 * 3, attack.Facts.Images);
        Assert.Equal("BlackBox", attack.Facts.Access);
        using (var final = attack.LoadFinal()) Assert.Equal(6, final.Images.shape[0]);

        var prior = inputs.Of(Find<PriorStage>(stages, "prior")); // through the attack
        Assert.True(Directory.Exists(prior.Folder));

        var evaluatorInputs = new StageInputs(Find<Stage>(stages, "evaluator"), runner.Results);
        var e = Assert.Throws<InvalidOperationException>(() => evaluatorInputs.Of(Find<ClassifierStage>(stages, Target)));
        Assert.Equal($"stage 'evaluator' reads stage '{Target}', which is not among its inputs", e.Message);
    }

    [Fact]
    public void An_input_whose_folder_or_files_are_gone_fails_naming_the_stage_the_file_and_the_fix()
    {
        using var w = new Workspace();
        var (stages, runner) = Ran(w);
        using var _ = runner;
        var inputs = new StageInputs(Find<Stage>(stages, AttackMetrics), runner.Results);
        var target = Find<ClassifierStage>(stages, Target);
        var attack = Find<AttackStage>(stages, "attack.fake-linear-fake-defense.fake-attack");

        File.Delete(Path.Combine(w.StageDirectory("attack.fake-linear-fake-defense.fake-attack"), StageLayout.AttackFacts));
        var missingFacts = Assert.Throws<InvalidDataException>(() => inputs.Of(attack));
        Assert.Contains($"stage '{attack.Id}'", missingFacts.Message);
        Assert.Contains("attack.json is missing", missingFacts.Message);
        Assert.Contains($"--force {attack.Id}", missingFacts.Message);

        File.Delete(Path.Combine(w.StageDirectory(Target), StageLayout.Model));
        Assert.Contains("model.safetensors is missing", Assert.Throws<InvalidDataException>(() => inputs.Of(target)).Message);

        var folder = w.StageDirectory(Target);
        Directory.Delete(folder, recursive: true);
        var gone = Assert.Throws<InvalidDataException>(() => inputs.Of(target));
        Assert.Equal($"stage '{Target}': its folder {folder} is missing; run it again (--force {Target})", gone.Message);
    }

    [Fact]
    public void A_training_log_reads_back_as_written_with_the_defense_terms_apart()
    {
        using var w = new Workspace();
        var epochs = JArray.Parse("""[ { "epoch": 1, "loss": 0.9, "train_acc": 0.5, "lr": 0.1, "ce": 0.7, "xz.h": 0.2 }, { "epoch": 2, "loss": 0.4, "train_acc": 0.8, "val_acc": 0.75, "lr": 0.1, "ce": 0.3 } ]""");
        new TrainingLog(epochs, 0.625, "given/model.safetensors").Write(w.Root);
        var log = TrainingLog.Read(w.Root);
        Assert.Equal(0.625, log.TestAccuracy);
        Assert.Equal("given/model.safetensors", log.Checkpoint);
        Assert.Equal([0.9, 0.4], log.Series("loss"));
        Assert.Equal([0.2, double.NaN], log.Series("xz.h"));
        Assert.True(log.HasValidation);
        Assert.Equal(["ce", "xz.h"], log.Terms);
        File.WriteAllText(Path.Combine(w.Root, StageLayout.TrainingLog), "{ \"epochs\": 3 ");
        Assert.StartsWith(Path.Combine(w.Root, StageLayout.TrainingLog) + ": not a training log", Assert.Throws<InvalidDataException>(() => TrainingLog.Read(w.Root)).Message);
    }
}
