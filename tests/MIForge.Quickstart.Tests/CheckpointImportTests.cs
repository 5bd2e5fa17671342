using System.Diagnostics;
using MIForge.Abstractions;
using MIForge.Host.Checkpoints;
using MIForge.Host.Cli;
using MIForge.Host.Training;
using MIForge.Host.Plugins;
using Microsoft.Extensions.DependencyInjection;
using TorchSharp;
using static TorchSharp.torch;

namespace MIForge.Quickstart.Tests;

/// <summary>
/// `miforge checkpoint import` on state_dicts written by PyTorch (Debian's python3-torch) in the
/// layouts the reference repositories publish: the imported classifier's logits equal PyTorch's.
/// </summary>
public sealed class CheckpointImportTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("miforge-import-").FullName;
    public void Dispose() => Directory.Delete(dir, recursive: true);

    // PyTorch definitions: mcnn with the BiDO reference code's key names (feature.N, fc_layer), saved bare;
    // scnn with MIForge's key names, saved as {"state_dict": ...} with DataParallel's "module." prefix.
    private const string Script = """
        import sys, collections, torch, torch.nn as nn
        out = sys.argv[1]
        torch.manual_seed(7)
        def block(cin, cout, k, p, pool):
            layers = [nn.Conv2d(cin, cout, k, padding=p), nn.BatchNorm2d(cout), nn.LeakyReLU(0.2)]
            return layers + ([nn.MaxPool2d(2)] if pool else [])
        class Mcnn(nn.Module):
            def __init__(self, n):
                super().__init__()
                self.feature = nn.Sequential(*block(1, 64, 7, 1, True), *block(64, 128, 5, 0, True), *block(128, 256, 5, 0, False))
                self.fc_layer = nn.Linear(256, n)
            def forward(self, x):
                return self.fc_layer(self.feature(x).flatten(1))
        class Scnn(nn.Module):
            def __init__(self, n):
                super().__init__()
                spec = [(1, 32, 7, 1, True), (32, 64, 5, 0, True), (64, 128, 5, 0, False), (128, 256, 3, 1, False), (256, 512, 3, 1, False)]
                for i, s in enumerate(spec):
                    setattr(self, f"layer{i + 1}", nn.Sequential(*block(*s)))
                self.fc = nn.Linear(512, n)
            def forward(self, x):
                for i in range(5):
                    x = getattr(self, f"layer{i + 1}")(x)
                return self.fc(x.flatten(1))
        def randomise(m):
            for mod in m.modules():
                if isinstance(mod, nn.BatchNorm2d):
                    mod.running_mean.uniform_(-0.5, 0.5); mod.running_var.uniform_(0.5, 2.0)
                    mod.weight.data.uniform_(0.5, 1.5); mod.bias.data.uniform_(-0.2, 0.2)
            return m.eval()
        x = torch.rand(4, 1, 32, 32)
        mcnn, scnn = randomise(Mcnn(5)), randomise(Scnn(10))
        torch.save(mcnn.state_dict(), f"{out}/mcnn.pth")
        wrapped = collections.OrderedDict(("module." + k, v) for k, v in scnn.state_dict().items())
        torch.save({"state_dict": wrapped, "epoch": 30, "best_acc": 99.1}, f"{out}/scnn.pth")
        torch.save(mcnn.state_dict(), f"{out}/legacy.pth", _use_new_zipfile_serialization=False)
        with torch.no_grad():
            torch.save({"x": x, "mcnn": mcnn(x), "scnn": scnn(x)}, f"{out}/io.pth")
        """;

    private void WritePyTorchFiles()
    {
        var psi = new ProcessStartInfo("/usr/bin/python3", ["-c", Script, dir]) { RedirectStandardError = true, RedirectStandardOutput = true };
        using var p = Process.Start(psi)!;
        var err = p.StandardError.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, err);
    }

    private (int code, string output, string error) Cli(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = CommandLine.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    /// <summary>An architecture from the built plugin folders, as the CLI loads it.</summary>
    private static IModelArchitecture Architecture(string name)
    {
        var catalog = HostSetup.Catalog([], null);
        using var services = new ServiceCollection().BuildServiceProvider();
        return new PluginFactory(catalog, services, null).Create(new PluginRef<IModelArchitecture>(name));
    }

    private float[] Logits(string checkpointDir, IModelArchitecture architecture, Tensor x)
    {
        using var model = ClassifierCheckpoint.Load(checkpointDir, architecture.Create);
        using var _ = no_grad();
        using var output = model.Forward(x);
        return output.Logits.data<float>().ToArray();
    }

    [Fact]
    public void Imported_reference_layouts_give_pytorchs_logits()
    {
        WritePyTorchFiles();
        var io = PthStateDict.Read(Path.Combine(dir, "io.pth")).ToDictionary(kv => kv.Key, kv => kv.Value);

        var mcnn = Cli("checkpoint", "import", Path.Combine(dir, "mcnn.pth"), "--model", "mcnn", "--classes", "5", "--input", "1x32x32", "--out", Path.Combine(dir, "mcnn"));
        Assert.True(mcnn.code == 0, mcnn.error);
        var scnn = Cli("checkpoint", "import", Path.Combine(dir, "scnn.pth"), "--model", "scnn", "--options", """{"slope": 0.2}""", "--classes", "10", "--input", "1x32x32", "--out", Path.Combine(dir, "scnn"));
        Assert.True(scnn.code == 0, scnn.error);

        var expectedMcnn = io["mcnn"].data<float>().ToArray();
        var actualMcnn = Logits(Path.Combine(dir, "mcnn"), Architecture("mcnn"), io["x"]);
        Assert.Equal(expectedMcnn.Length, actualMcnn.Length);
        Assert.All(expectedMcnn.Zip(actualMcnn), p => Assert.True(Math.Abs(p.First - p.Second) <= 1e-5, $"{p.First} vs {p.Second}"));
        var expectedScnn = io["scnn"].data<float>().ToArray();
        var actualScnn = Logits(Path.Combine(dir, "scnn"), Architecture("scnn"), io["x"]);
        Assert.All(expectedScnn.Zip(actualScnn), p => Assert.True(Math.Abs(p.First - p.Second) <= 1e-5, $"{p.First} vs {p.Second}"));
        // the reference key names were matched by order and shape, and the sidecar says how
        Assert.Contains("feature.0.weight", File.ReadAllText(Path.Combine(dir, "mcnn", ClassifierCheckpoint.FileName + ".json")));
        foreach (var t in io.Values) t.Dispose();
    }

    [Fact]
    public void A_state_dict_that_fits_no_way_lists_the_unmatched_keys()
    {
        WritePyTorchFiles();
        // scnn's state into mcnn: equal names with other shapes are named as such
        var r = Cli("checkpoint", "import", Path.Combine(dir, "scnn.pth"), "--model", "mcnn", "--classes", "10", "--input", "1x32x32", "--out", Path.Combine(dir, "bad"));
        Assert.Equal(ExitCodes.BadInput, r.code);
        Assert.Contains("scnn.pth", r.error);
        Assert.Contains("'layer1.0.weight' is [32, 1, 7, 7] in the file, the model needs [64, 1, 7, 7]", r.error);
        Assert.False(File.Exists(Path.Combine(dir, "bad", ClassifierCheckpoint.FileName)));

        // mcnn's reference-named state into scnn (more layers): neither names nor order-and-shape fit
        var r1 = Cli("checkpoint", "import", Path.Combine(dir, "mcnn.pth"), "--model", "scnn", "--classes", "5", "--input", "1x32x32", "--out", Path.Combine(dir, "bad1"));
        Assert.Equal(ExitCodes.BadInput, r1.code);
        Assert.Contains("model keys without a match", r1.error);
        Assert.Contains("layer4.0.weight", r1.error);
        Assert.Contains("file keys without a match", r1.error);
        Assert.Contains("fc_layer.weight", r1.error);

        var legacy = Path.Combine(dir, "not-a-checkpoint.pth");
        File.WriteAllText(legacy, "hello");
        var r2 = Cli("checkpoint", "import", legacy, "--model", "mcnn", "--classes", "5", "--input", "1x32x32", "--out", Path.Combine(dir, "bad2"));
        Assert.Equal(ExitCodes.BadInput, r2.code);
        Assert.Contains("not-a-checkpoint.pth", r2.error);

        var r4 = Cli("checkpoint", "import", Path.Combine(dir, "legacy.pth"), "--model", "mcnn", "--classes", "5", "--input", "1x32x32", "--out", Path.Combine(dir, "bad4"));
        Assert.Equal(ExitCodes.BadInput, r4.code);
        Assert.Contains("legacy.pth: saved in PyTorch's legacy (non-zip) format", r4.error);

        var r3 = Cli("checkpoint", "import", Path.Combine(dir, "mcnn.pth"), "--model", "mcnn", "--classes", "5", "--input", "1x32", "--out", Path.Combine(dir, "bad3"));
        Assert.Equal(ExitCodes.BadInput, r3.code);
        Assert.Contains("CxHxW", r3.error);
    }

    [Fact]
    public void Renames_map_a_prefix_before_matching_by_name()
    {
        WritePyTorchFiles();
        // with --map the reference names become mcnn's own, so they match by name, not by order
        var r = Cli("checkpoint", "import", Path.Combine(dir, "mcnn.pth"), "--model", "mcnn", "--classes", "5", "--input", "1x32x32",
            "--map", "fc_layer=fc", "--map", "feature.0=layer1.0", "--map", "feature.1=layer1.1", "--map", "feature.4=layer2.0",
            "--map", "feature.5=layer2.1", "--map", "feature.8=layer3.0", "--map", "feature.9=layer3.1", "--out", Path.Combine(dir, "mapped"));
        Assert.True(r.code == 0, r.error);
        var io = PthStateDict.Read(Path.Combine(dir, "io.pth")).ToDictionary(kv => kv.Key, kv => kv.Value);
        var actual = Logits(Path.Combine(dir, "mapped"), Architecture("mcnn"), io["x"]);
        Assert.All(io["mcnn"].data<float>().ToArray().Zip(actual), p => Assert.True(Math.Abs(p.First - p.Second) <= 1e-5));
        foreach (var t in io.Values) t.Dispose();
    }
}
