using MIForge.Host.Cli;

namespace MIForge.Quickstart.Tests;

/// <summary><c>miforge run --stage</c> (what each Slurm job runs) through the CLI with the real plugins:
/// one stage runs alone, a stage whose inputs are not finished is refused naming the input, and an unknown
/// stage is refused with a suggestion.</summary>
public sealed class StageCommandTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("miforge-stage-").FullName;
    public void Dispose() => Directory.Delete(dir, recursive: true);

    private const string Manifest = """
    {
      "name": "one-stage",
      "seed": 5,
      "data": {
        "dataset": { "name": "mnist", "options": { "pad": 2, "perClass": 30 } },
        "split": { "private": [0, 1, 2], "public": [5, 6, 7] }
      },
      "evaluator": { "model": "mcnn", "training": { "epochs": 1, "batchSize": 16 } },
      "targets": [ { "id": "t", "model": "mcnn", "training": { "epochs": 1, "batchSize": 16 } } ],
      "attacks": [],
      "metrics": []
    }
    """;

    private (int code, string output, string error) Cli(params string[] args)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var code = CommandLine.Run(args, output, error, new CliSettings());
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public void Run_stage_runs_that_stage_alone_and_refuses_missing_inputs_and_unknown_stages()
    {
        var manifest = Path.Combine(dir, "m.json");
        File.WriteAllText(manifest, Manifest);
        var run = Path.Combine(dir, "run");

        var (code, _, error) = Cli("run", manifest, "--out", run, "--stage", "metrics.t");
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("--stage: stage 'metrics.t' needs input stage 'target.t'", error);
        Assert.Contains("and 1 more: evaluator", error);
        Assert.False(Directory.Exists(Path.Combine(run, "stages")));

        (code, _, error) = Cli("run", manifest, "--out", run, "--stage", "metrcs.t");
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("no stage 'metrcs.t'", error);
        Assert.Contains("did you mean 'metrics.t'", error);

        (code, var output, error) = Cli("run", manifest, "--out", run, "--stage", "evaluator");
        Assert.True(code == 0, error);
        Assert.Matches(@"stage evaluator \([0-9a-f]{12}\): ran ", output);
        var stages = Directory.GetDirectories(Path.Combine(run, "stages")).Select(Path.GetFileName).ToArray();
        Assert.Single(stages);
        Assert.StartsWith("evaluator-", stages[0]);
        Assert.True(File.Exists(Path.Combine(run, "stages", stages[0]!, "stage.json")));

        // by hash prefix, as a job names it; a finished stage is not computed again
        (code, output, error) = Cli("run", manifest, "--out", run, "--stage", stages[0]!["evaluator-".Length..]);
        Assert.True(code == 0, error);
        Assert.Contains("stage evaluator", output);
        Assert.Contains(": cached ", output);

        // an input that is selected too runs first, whatever the order of the selectors
        (code, output, error) = Cli("run", manifest, "--out", run, "--stage", "metrics.t", "--stage", "target.t");
        Assert.True(code == 0, error);
        Assert.Matches(@"stage target\.t \([0-9a-f]{12}\): ran [^\n]*\n[^\n]*stage metrics\.t \([0-9a-f]{12}\): ran", output);
        Assert.Single(Directory.GetDirectories(Path.Combine(run, "stages"), "target.t-*"));
    }

    [Fact]
    public void Submit_with_bad_job_options_is_refused_naming_each_option_before_anything_is_planned()
    {
        var manifest = Path.Combine(dir, "m.json");
        File.WriteAllText(manifest, Manifest);
        var (code, _, error) = Cli("submit", manifest, "--slurm", "--time", "2h", "--cpus-per-stage", "0", "--sbatch-arg", "account=lab", "--dry-run");
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("--time: expected a Slurm time limit such as HH:MM:SS or D-HH:MM:SS, got '2h'", error);
        Assert.Contains("--cpus-per-stage: expected 1 or more CPUs, got 0", error);
        Assert.Contains("--sbatch-arg: expected one sbatch option starting with '-'", error);
        (code, _, error) = Cli("submit", manifest, "--dry-run");
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("--slurm", error);
    }
}
