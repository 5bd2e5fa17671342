using MIForge.Host.Cli;
using MIForge.Host.Runs;
using MIForge.Host.Tests.Fakes;
using Newtonsoft.Json.Linq;

namespace MIForge.Host.Tests.Runs;

/// <summary>Whole runs through the CLI with the fake plugins.</summary>
public sealed class StageCachingTests
{
    private const string Target = "target.fake-linear-fake-defense";
    private const string Attack = "attack.fake-linear-fake-defense.fake-attack";

    [Fact]
    public void RunWritesTheRunFolder()
    {
        using var w = new Workspace();
        var (code, _, error) = w.Cli("run", w.Write(Workspace.Manifest()), "--out", w.Out);
        Assert.True(code == 0, error);
        foreach (var f in new[] { "manifest.given.json", "manifest.resolved.json", "environment.json", "metrics.json", "report.html", "stages.json", "logs/run.log" })
            Assert.True(File.Exists(Path.Combine(w.Out, f)), f);
        var stages = Directory.GetDirectories(Path.Combine(w.Out, "stages")).Select(Path.GetFileName).ToArray();
        Assert.Contains(stages, s => s!.StartsWith(Target + "-"));
        var targetDir = w.StageDirectory(Target);
        Assert.True(File.Exists(Path.Combine(targetDir, "model.safetensors")));
        var sidecar = JObject.Parse(File.ReadAllText(Path.Combine(targetDir, "model.safetensors.json")));
        Assert.Equal("fake-linear", (string)sidecar["model"]!["name"]!);
        Assert.Equal("fake-defense", (string)sidecar["defense"]!["name"]!);
        var attackDir = w.StageDirectory(Attack);
        Assert.True(File.Exists(Path.Combine(attackDir, "reconstructions.safetensors")));
        Assert.True(File.Exists(Path.Combine(attackDir, "reconstructions.png")));
        var rows = MetricsFile.Read(Path.Combine(w.Out, "metrics.json"));
        Assert.Contains(rows, r => r.Key == "fake-linear-fake-defense/fake-attack/fake-attack-acc.acc_top1");
        Assert.Contains(rows, r => r.Key == "fake-linear-fake-defense/host.test_acc" && r.Value >= 0);
        Assert.Contains(rows, r => r.Key == "fake-linear-fake-defense/fake-msp/fake-digits/fake-ood-gap.gap" && r.OodSet == "fake-digits");
        var env = JObject.Parse(File.ReadAllText(Path.Combine(w.Out, "environment.json")));
        Assert.Equal(7, (long)env["seed"]!);
        Assert.Equal(TorchSharp.torch.__version__, (string?)env["torch"]);
        Assert.Equal(typeof(TorchSharp.torch).Assembly.GetName().Version?.ToString(), (string?)env["torchsharp"]);
        Assert.StartsWith("0.107.", (string?)env["torchsharp"]);
    }

    [Fact]
    public void PlanningReadsWhetherAPriorIsTargetAwareFromItsTypeWithoutCreatingIt()
    {
        using var w = new Workspace();
        var (code, _, error) = w.Cli("validate", w.Write(Workspace.Manifest()));
        Assert.True(code == 0, error);
        Assert.Equal(0, Counters.PriorsCreated);
    }

    [Fact]
    public void PluginsThatAreDisposableAreDisposedWhenTheirStageEnds()
    {
        using var w = new Workspace();
        var (code, _, error) = w.Cli("run", w.Write(Workspace.Manifest()), "--out", w.Out);
        Assert.True(code == 0, error);
        Assert.True(Counters.ScorersCreated > 0);
        Assert.Equal(Counters.ScorersCreated, Counters.ScorersDisposed);
    }

    [Fact]
    public void SecondRunTrainsNothingAndChangingAnAttackRerunsOnlyAttackStages()
    {
        using var w = new Workspace();
        var manifest = Workspace.Manifest();
        Assert.Equal(0, w.Cli("run", w.Write(manifest), "--out", w.Out).code);
        Assert.Equal(1, Counters.PriorTrainings);
        Assert.Equal(1, Counters.Attacks);

        Counters.Reset();
        Assert.Equal(0, w.Cli("run", w.Write(manifest), "--out", w.Out).code);
        Assert.Equal(0, Counters.PriorTrainings);
        Assert.Equal(0, Counters.Attacks);
        Assert.All(w.Statuses().Where(s => s.Key is not ("report" or "data")), s => Assert.Equal("cached", s.Value));

        manifest["attacks"]![0]!["attack"]!["options"]!["lambda"] = 10;
        Assert.Equal(0, w.Cli("run", w.Write(manifest), "--out", w.Out).code);
        var status = w.Statuses();
        Assert.Equal("cached", status[Target]);
        Assert.Equal("cached", status["evaluator"]);
        Assert.Equal("cached", status["prior"]);
        Assert.Equal("cached", status["metrics.fake-linear-fake-defense"]);
        Assert.Equal("cached", status["ood.fake-linear-fake-defense"]);
        Assert.Equal("ran", status[Attack]);
        Assert.Equal("ran", status["metrics.fake-linear-fake-defense.fake-attack"]);
        Assert.Equal(0, Counters.PriorTrainings);
        Assert.Equal(1, Counters.Attacks);
    }

    [Fact]
    public void ForceRerunsAStageKindAndItsDependents()
    {
        using var w = new Workspace();
        var path = w.Write(Workspace.Manifest());
        Assert.Equal(0, w.Cli("run", path, "--out", w.Out).code);
        Assert.Equal(0, w.Cli("run", path, "--out", w.Out, "--force", "prior").code);
        var status = w.Statuses();
        Assert.Equal("ran", status["prior"]);
        Assert.Equal("ran", status[Attack]);
        Assert.Equal("cached", status[Target]);
        var (code, _, error) = w.Cli("run", path, "--out", w.Out, "--force", "atack");
        Assert.Equal(2, code);
        Assert.Contains("did you mean 'attack'", error);
    }

    [Fact]
    public void FailedStageKeepsEarlierStagesAndTheNextRunResumes()
    {
        using var w = new Workspace();
        var manifest = Workspace.Manifest();
        manifest["attacks"]![0]!["attack"]!["options"]!["fail"] = true;
        var (code, _, error) = w.Cli("run", w.Write(manifest), "--out", w.Out);
        Assert.Equal(1, code);
        Assert.Contains($"stage '{Attack}' (attack/fake-attack from tests; manifest key attacks[0]) failed: the fake attack was told to fail", error);
        Assert.DoesNotContain("   at ", error);
        Assert.Single(Directory.GetDirectories(Path.Combine(w.Out, "stages"), Target + "-*"));
        Assert.Empty(Directory.GetDirectories(Path.Combine(w.Out, "stages"), "*.partial"));

        manifest["attacks"]![0]!["attack"]!["options"]!["fail"] = false;
        AssertResumesWithOnlyTheAttack(w, manifest);
    }

    [Fact]
    public async Task InterruptedRunResumesFromTheLastFinishedStage()
    {
        using var w = new Workspace();
        var manifest = Workspace.Manifest();
        manifest["attacks"]![0]!["attack"]!["options"]!["sleepMs"] = 20_000;
        var path = w.Write(manifest);
        using var cancel = new CancellationTokenSource();
        var run = Task.Run(() => w.Cli(cancel.Token, "run", path, "--out", w.Out));
        var stages = Path.Combine(w.Out, "stages");
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (!(Directory.Exists(stages) && Directory.GetDirectories(stages, "attack.*.partial").Length > 0) && DateTime.UtcNow < deadline) await Task.Delay(50);
        cancel.Cancel();
        var (code, _, error) = await run;
        Assert.Equal(1, code);
        Assert.Contains("interrupted", error);
        Assert.Empty(Directory.GetDirectories(stages, Attack + "-*"));
        // A killed process leaves a .partial folder behind; the next run replaces it.
        Directory.CreateDirectory(Path.Combine(stages, "attack.leftover.partial"));

        manifest["attacks"]![0]!["attack"]!["options"]!["sleepMs"] = 0;
        AssertResumesWithOnlyTheAttack(w, manifest);
    }

    /// <summary>Runs <paramref name="manifest"/> again: target and prior come from the cache, only the attack runs.</summary>
    private static void AssertResumesWithOnlyTheAttack(Workspace w, JObject manifest)
    {
        Counters.Reset();
        Assert.Equal(0, w.Cli("run", w.Write(manifest), "--out", w.Out).code);
        var status = w.Statuses();
        Assert.Equal("cached", status[Target]);
        Assert.Equal("cached", status["prior"]);
        Assert.Equal("ran", status[Attack]);
        Assert.Equal(0, Counters.PriorTrainings);
    }

    [Fact]
    public void SweepRunsEachPointSharingStages()
    {
        using var w = new Workspace();
        var manifest = Workspace.Manifest();
        manifest["sweep"] = JObject.Parse("""{ "attacks[0].attack.options.lambda": [1, 2] }""");
        var (code, output, error) = w.Cli("run", w.Write(manifest), "--out", w.Out);
        Assert.True(code == 0, error);
        var points = Directory.GetDirectories(Path.Combine(w.Out, "points")).Select(Path.GetFileName).Order().ToArray();
        Assert.Equal(2, points.Length);
        Assert.Equal("cached", w.Statuses(points[1])[Target]);
        Assert.Equal("ran", w.Statuses(points[1])[Attack]);
        Assert.True(File.Exists(Path.Combine(w.Out, "points", points[0]!, "metrics.json")));
        Assert.Contains("stages ran", output);
    }

    [Fact]
    public void An_attack_with_its_own_prior_gets_its_own_prior_stage()
    {
        using var w = new Workspace();
        var manifest = Workspace.Manifest();
        AddCopyOfFirstAttack(manifest, "same-prior")["prior"] = "fake-prior";
        AddCopyOfFirstAttack(manifest, "own-prior")["prior"] = new JObject { ["name"] = "fake-prior", ["options"] = new JObject { ["width"] = 2 } };
        Counters.Reset();
        var (code, _, error) = w.Cli("run", w.Write(manifest), "--out", w.Out);
        Assert.True(code == 0, error);
        var status = w.Statuses();
        Assert.Contains("prior", status.Keys);
        Assert.Contains("prior.fake-prior", status.Keys);
        Assert.Equal(2, status.Keys.Count(k => k.StartsWith("prior")));
        Assert.Equal(2, Counters.PriorTrainings);
    }

    [Fact]
    public void An_attack_with_seedAs_draws_what_the_named_attack_draws()
    {
        using var w = new Workspace();
        var manifest = Workspace.Manifest();
        var paired = AddCopyOfFirstAttack(manifest, "paired");
        paired["seedAs"] = "fake-attack";
        paired["attack"]!["options"]!["iterations"] = 4;
        AddCopyOfFirstAttack(manifest, "other");
        var (code, _, error) = w.Cli("run", w.Write(manifest), "--out", w.Out);
        Assert.True(code == 0, error);
        MIForge.Abstractions.Reconstructions Of(string id) => MIForge.Host.Stages.AttackResult.Load(
            Path.Combine(w.StageDirectory($"attack.fake-linear-fake-defense.{id}"), MIForge.Host.Stages.StageLayout.Reconstructions));
        using var a = Of("fake-attack");
        using var b = Of("paired");
        using var c = Of("other");
        Assert.True(SameValues(a.Images, b.Images), "seedAs should repeat the named attack's draws");
        Assert.False(SameValues(a.Images, c.Images), "attacks without seedAs draw their own");
    }

    [Fact]
    public void Stages_alike_but_for_their_id_have_hashes_of_their_own_and_submit_gives_each_a_job()
    {
        using var w = new Workspace();
        var manifest = Workspace.Manifest();
        AddCopyOfFirstAttack(manifest, "again");
        var file = w.Write(manifest);
        var (code, output, error) = w.Cli("submit", file, "--slurm", "--dry-run", "--out", w.Out);
        Assert.True(code == 0, error);
        foreach (var id in new[] { "attack.fake-linear-fake-defense.fake-attack", "attack.fake-linear-fake-defense.again", "metrics.fake-linear-fake-defense.fake-attack", "metrics.fake-linear-fake-defense.again" })
            Assert.Matches($@"(?m)^{System.Text.RegularExpressions.Regex.Escape(id)}-[0-9a-f]{{12}}: would submit", output);

        (code, _, error) = w.Cli("run", file, "--out", w.Out);
        Assert.True(code == 0, error);
        string HashOf(string id) => (string)JObject.Parse(File.ReadAllText(Path.Combine(w.StageDirectory(id), "stage.json")))["hash"]!;
        Assert.NotEqual(HashOf(Attack), HashOf("attack.fake-linear-fake-defense.again"));
        Assert.NotEqual(HashOf("metrics.fake-linear-fake-defense.fake-attack"), HashOf("metrics.fake-linear-fake-defense.again"));
    }

    [Fact]
    public void The_intra_op_thread_count_is_in_the_hash_and_a_job_runs_the_stage_submit_hashed_for_its_cpus()
    {
        using var w = new Workspace();
        var manifest = Workspace.Manifest();
        var file = w.Write(manifest);
        string Plan(int cpus, string path)
        {
            var (code, output, error) = w.Cli("submit", path, "--slurm", "--dry-run", "--out", w.Out, "--cpus-per-stage", cpus.ToString());
            Assert.True(code == 0, error);
            Assert.Contains($"    export MIFORGE_THREADS={cpus}\n", output);
            return output;
        }
        static string TargetHash(string plan) =>
            System.Text.RegularExpressions.Regex.Match(plan, $@"(?m)^{System.Text.RegularExpressions.Regex.Escape(Target)}-([0-9a-f]{{12}}): (would submit|cached)").Groups[1].Value;
        var (one, two) = (TargetHash(Plan(1, file)), TargetHash(Plan(2, file)));
        Assert.Matches("^[0-9a-f]{12}$", one);
        Assert.NotEqual(one, two);

        // a job configured with 2 threads does not take the 1-CPU plan's stage for its own; one configured with 1 runs it
        var (code, output, error) = w.CliWithThreads(2, "run", file, "--out", w.Out, "--stage", one);
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains($"no stage '{one}'", error);
        (code, output, error) = w.CliWithThreads(1, "run", file, "--out", w.Out, "--stage", one);
        Assert.True(code == 0, error);
        Assert.Contains($"stage {Target} ({one}): ran", output);

        // the manifest's threads win over the job's CPUs
        manifest["threads"] = 1;
        var fixedThreads = w.Write(manifest, "threads-1.json");
        Assert.Equal(one, TargetHash(Plan(2, fixedThreads)));
    }

    /// <summary>Same shape and every element equal (TorchSharp's Tensor.equal is elementwise).</summary>
    private static bool SameValues(TorchSharp.torch.Tensor x, TorchSharp.torch.Tensor y) =>
        x.shape.SequenceEqual(y.shape) && x.eq(y).all().item<bool>();

    /// <summary>Appends a copy of the manifest's first attack under <paramref name="id"/> and returns it for changes.</summary>
    private static JObject AddCopyOfFirstAttack(JObject manifest, string id)
    {
        var copy = (JObject)manifest["attacks"]![0]!.DeepClone();
        copy["id"] = id;
        ((JArray)manifest["attacks"]!).Add(copy);
        return copy;
    }
}
