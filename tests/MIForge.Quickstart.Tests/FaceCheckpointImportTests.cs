using System.Diagnostics;
using MIForge.Abstractions;
using MIForge.Host.Checkpoints;
using MIForge.Host.Cli;
using MIForge.Host.Plugins;
using MIForge.Host.Services;
using MIForge.Host.Training;
using Microsoft.Extensions.DependencyInjection;
using TorchSharp;
using static TorchSharp.torch;

namespace MIForge.Quickstart.Tests;

/// <summary>
/// The face benchmark's published checkpoints, written by Debian's python3-torch with the reference repositories'
/// module layouts and key names (GMI's Generator and DGWGAN, KED-MI's MinibatchDiscriminator, GMI's VGG16 and
/// FaceNet64 with evolve's IR units), saved as <c>{"state_dict": ...}</c> with DataParallel's <c>module.</c> prefix:
/// after <c>miforge checkpoint import</c> / <c>import-prior</c> the outputs equal PyTorch's. Small widths keep the
/// files small; the layouts are the references' (FaceNet64 with IR-18's unit counts instead of IR-50's).
/// </summary>
public sealed class FaceCheckpointImportTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("miforge-face-import-").FullName;
    public void Dispose() => Directory.Delete(dir, recursive: true);

    private const string Script = """
        import sys, collections, torch, torch.nn as nn
        out = sys.argv[1]
        torch.manual_seed(11)
        class Generator(nn.Module):  # GMI / KED-MI generator.py
            def __init__(self, in_dim=100, dim=64):
                super().__init__()
                def dconv_bn_relu(i, o):
                    return nn.Sequential(nn.ConvTranspose2d(i, o, 5, 2, padding=2, output_padding=1, bias=False), nn.BatchNorm2d(o), nn.ReLU())
                self.l1 = nn.Sequential(nn.Linear(in_dim, dim * 8 * 4 * 4, bias=False), nn.BatchNorm1d(dim * 8 * 4 * 4), nn.ReLU())
                self.l2_5 = nn.Sequential(dconv_bn_relu(dim * 8, dim * 4), dconv_bn_relu(dim * 4, dim * 2), dconv_bn_relu(dim * 2, dim),
                                          nn.ConvTranspose2d(dim, 3, 5, 2, padding=2, output_padding=1), nn.Sigmoid())
            def forward(self, x):
                return self.l2_5(self.l1(x).view(x.size(0), -1, 4, 4))
        class DGWGAN(nn.Module):  # GMI discri.py
            def __init__(self, in_dim=3, dim=64):
                super().__init__()
                def conv_ln_lrelu(i, o):
                    return nn.Sequential(nn.Conv2d(i, o, 5, 2, 2), nn.InstanceNorm2d(o, affine=True), nn.LeakyReLU(0.2))
                self.ls = nn.Sequential(nn.Conv2d(in_dim, dim, 5, 2, 2), nn.LeakyReLU(0.2), conv_ln_lrelu(dim, dim * 2),
                                        conv_ln_lrelu(dim * 2, dim * 4), conv_ln_lrelu(dim * 4, dim * 8), nn.Conv2d(dim * 8, 1, 4))
            def forward(self, x):
                return self.ls(x).view(-1)
        class MinibatchDiscrimination(nn.Module):  # KED-MI discri.py
            def __init__(self, i, o, k):
                super().__init__()
                self.i, self.o, self.k = i, o, k
                self.T = nn.Parameter(torch.randn(i, o, k))
            def forward(self, x):
                m = x.mm(self.T.view(self.i, -1)).view(-1, self.o, self.k).unsqueeze(0)
                o_b = torch.exp(-torch.abs(m - m.permute(1, 0, 2, 3)).sum(3)).sum(0) - 1
                return torch.cat([x, o_b], 1)
        class MinibatchDiscriminator(nn.Module):
            def __init__(self, in_dim=3, dim=64, n_classes=1000):
                super().__init__()
                def conv_ln_lrelu(i, o, k, s, p):
                    return nn.Sequential(nn.Conv2d(i, o, k, s, p), nn.InstanceNorm2d(o, affine=True), nn.LeakyReLU(0.2))
                self.layer1 = nn.Conv2d(in_dim, dim, 5, 2, 2)
                self.relu1 = nn.LeakyReLU(0.2)
                self.layer2 = conv_ln_lrelu(dim, dim * 2, 5, 2, 2)
                self.layer3 = conv_ln_lrelu(dim * 2, dim * 4, 5, 2, 2)
                self.layer4 = conv_ln_lrelu(dim * 4, dim * 4, 3, 2, 1)
                self.mbd1 = MinibatchDiscrimination(dim * 4 * 4 * 4, 64, 50)
                self.fc_layer = nn.Linear(dim * 4 * 4 * 4 + 64, n_classes)
            def forward(self, x):
                h = self.layer4(self.layer3(self.layer2(self.relu1(self.layer1(x))))).view(x.size(0), -1)
                return self.fc_layer(self.mbd1(h))
        class VGG16(nn.Module):  # GMI classify.py: torchvision vgg16_bn features, bn without shift, fc_layer
            def __init__(self, n):
                super().__init__()
                layers, c = [], 3
                for v in [64, 64, "M", 128, 128, "M", 256, 256, 256, "M", 512, 512, 512, "M", 512, 512, 512, "M"]:
                    if v == "M": layers.append(nn.MaxPool2d(2, 2))
                    else: layers += [nn.Conv2d(c, v, 3, padding=1), nn.BatchNorm2d(v), nn.ReLU(inplace=True)]; c = v
                self.feature = nn.Sequential(*layers)
                self.bn = nn.BatchNorm1d(512 * 2 * 2)
                self.fc_layer = nn.Linear(512 * 2 * 2, n)
            def forward(self, x):
                return self.fc_layer(self.bn(self.feature(x).view(x.size(0), -1)))
        class bottleneck_IR(nn.Module):  # face.evoLVe, as GMI's evolve.py
            def __init__(self, i, d, s):
                super().__init__()
                self.shortcut_layer = nn.MaxPool2d(1, s) if i == d else nn.Sequential(nn.Conv2d(i, d, 1, s, bias=False), nn.BatchNorm2d(d))
                self.res_layer = nn.Sequential(nn.BatchNorm2d(i), nn.Conv2d(i, d, 3, 1, 1, bias=False), nn.PReLU(d),
                                               nn.Conv2d(d, d, 3, s, 1, bias=False), nn.BatchNorm2d(d))
            def forward(self, x):
                return self.res_layer(x) + self.shortcut_layer(x)
        class Backbone64(nn.Module):
            def __init__(self, units):
                super().__init__()
                self.input_layer = nn.Sequential(nn.Conv2d(3, 64, 3, 1, 1, bias=False), nn.BatchNorm2d(64), nn.PReLU(64))
                mods, c = [], 64
                for d, n in zip([64, 128, 256, 512], units):
                    mods.append(bottleneck_IR(c, d, 2)); mods += [bottleneck_IR(d, d, 1) for _ in range(n - 1)]; c = d
                self.body = nn.Sequential(*mods)
            def forward(self, x):
                return self.body(self.input_layer(x))
        class FaceNet64(nn.Module):  # GMI classify.py
            def __init__(self, n, units):
                super().__init__()
                self.feature = Backbone64(units)
                self.output_layer = nn.Sequential(nn.BatchNorm2d(512), nn.Dropout(), nn.Flatten(), nn.Linear(512 * 4 * 4, 512), nn.BatchNorm1d(512))
                self.fc_layer = nn.Linear(512, n)
            def forward(self, x):
                return self.fc_layer(self.output_layer(self.feature(x)))
        def randomise(m):
            for mod in m.modules():
                if isinstance(mod, (nn.BatchNorm1d, nn.BatchNorm2d)):
                    mod.running_mean.uniform_(-0.2, 0.2); mod.running_var.uniform_(0.5, 2.0)
                    mod.weight.data.uniform_(0.5, 1.5); mod.bias.data.uniform_(-0.2, 0.2)
                if isinstance(mod, nn.InstanceNorm2d):
                    mod.weight.data.uniform_(0.5, 1.5); mod.bias.data.uniform_(-0.2, 0.2)
            return m.eval()
        def save(m, name):
            wrapped = collections.OrderedDict(("module." + k, v) for k, v in m.state_dict().items())
            torch.save({"state_dict": wrapped}, f"{out}/{name}.tar")
        G, D, KD = randomise(Generator(100, 16)), randomise(DGWGAN(3, 16)), randomise(MinibatchDiscriminator(3, 16, 5))
        vgg, facenet = randomise(VGG16(7)), randomise(FaceNet64(7, [2, 2, 2, 2]))
        for m, name in [(G, "G"), (D, "D"), (KD, "KD"), (vgg, "vgg16"), (facenet, "facenet64")]: save(m, name)
        z, x = torch.randn(3, 100), torch.rand(3, 3, 64, 64)
        with torch.no_grad():
            lse = KD(x).logsumexp(1)
            torch.save({"z": z, "x": x, "G": G(z), "D": D(x), "KD": lse - torch.nn.functional.softplus(lse),
                        "vgg16": vgg(x), "facenet64": facenet(x)}, f"{out}/io.pth")
        """;

    private void WritePyTorchFiles()
    {
        var psi = new ProcessStartInfo("/usr/bin/python3", ["-c", Script, dir]) { RedirectStandardError = true, RedirectStandardOutput = true };
        using var p = Process.Start(psi)!;
        var err = p.StandardError.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, err);
    }

    private static (int code, string output, string error) Cli(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = CommandLine.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    private static void Close(Tensor expected, Tensor actual, string what)
    {
        var e = expected.flatten().data<float>().ToArray();
        var a = actual.detach().flatten().data<float>().ToArray();
        Assert.Equal(e.Length, a.Length);
        for (int i = 0; i < e.Length; i++)
            Assert.True(Math.Abs(e[i] - a[i]) <= 1e-5 * (1 + Math.Abs(e[i])), $"{what}[{i}]: PyTorch {e[i]}, imported {a[i]}");
    }

    /// <summary>A prior plugin restored from an imported folder, created as a stage would create it.</summary>
    private IPrior Prior(string name, string options, string folder)
    {
        var catalog = HostSetup.Catalog([], null);
        var services = new ServiceCollection().BuildServiceProvider();
        var context = new RunContext(dir, dir, dir, CPU, 0, new torch.Generator(0), CancellationToken.None);
        var stage = new StageServices(services, context, new NoProgress(), Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
        var prior = new PluginFactory(catalog, stage, null).Create(new PluginRef<IPrior>(name, Newtonsoft.Json.Linq.JObject.Parse(options)));
        prior.Load(folder);
        return prior;
    }

    private sealed class NoProgress : IProgressReporter
    {
        public void Report(string phase, long step, long total, double? loss = null) { }
    }

    [Fact]
    public void Gmi_generator_and_critic_and_kedmis_generator_and_discriminator_give_pytorchs_outputs()
    {
        WritePyTorchFiles();
        var io = PthStateDict.Read(Path.Combine(dir, "io.pth")).ToDictionary(kv => kv.Key, kv => kv.Value);
        string F(string name) => Path.Combine(dir, name);

        var gmi = Cli("checkpoint", "import-prior", F("G.tar"), "--discriminator", F("D.tar"), "--prior", "wgan-gp",
            "--options", """{"width": 16}""", "--input", "3x64x64", "--out", F("gmi"));
        Assert.True(gmi.code == 0, gmi.error);
        Assert.Contains("generator tensors", gmi.output);
        var kedmi = Cli("checkpoint", "import-prior", F("G.tar"), "--prior", "kedmi-gan",
            "--options", """{"width": 16, "layout": "kedmi"}""", "--input", "3x64x64", "--classes", "5", "--out", F("kedmi"));
        Assert.True(kedmi.code == 0, kedmi.error);

        using var _ = no_grad();
        using (var wgan = Prior("wgan-gp", """{"width": 16}""", F("gmi")))
        {
            Close(io["G"], wgan.Generate(io["z"]), "GMI generator");
            Close(io["D"], wgan.Realness(io["x"]), "GMI critic");
        }
        using (var ked = Prior("kedmi-gan", """{"width": 16, "layout": "kedmi"}""", F("kedmi")))
        {
            Close(io["G"], ked.Generate(io["z"]), "KED-MI generator");
        }

        // KED-MI's discriminator, minibatch discrimination (its T is [A, B, C]) included: realness log σ(logsumexp(logits))
        var withCritic = Cli("checkpoint", "import-prior", F("G.tar"), "--discriminator", F("KD.tar"), "--prior", "kedmi-gan",
            "--options", """{"width": 16, "layout": "kedmi"}""", "--input", "3x64x64", "--classes", "5", "--out", F("kedmi-d"));
        Assert.True(withCritic.code == 0, withCritic.error);
        using (var ked = Prior("kedmi-gan", """{"width": 16, "layout": "kedmi"}""", F("kedmi-d")))
        {
            Close(io["G"], ked.Generate(io["z"]), "KED-MI generator");
            Close(io["KD"], ked.Realness(io["x"]), "KED-MI discriminator");
        }
        foreach (var t in io.Values) t.Dispose();
    }

    [Fact]
    public void Gmi_vgg16_and_facenet64_classifiers_give_pytorchs_logits()
    {
        WritePyTorchFiles();
        var io = PthStateDict.Read(Path.Combine(dir, "io.pth")).ToDictionary(kv => kv.Key, kv => kv.Value);
        var vgg = Cli("checkpoint", "import", Path.Combine(dir, "vgg16.tar"), "--model", "vgg16-bn", "--classes", "7", "--input", "3x64x64", "--out", Path.Combine(dir, "vgg"));
        Assert.True(vgg.code == 0, vgg.error);
        var facenet = Cli("checkpoint", "import", Path.Combine(dir, "facenet64.tar"), "--model", "facenet64", "--options", """{"depth": 18}""",
            "--classes", "7", "--input", "3x64x64", "--out", Path.Combine(dir, "facenet"));
        Assert.True(facenet.code == 0, facenet.error);

        var catalog = HostSetup.Catalog([], null);
        using var services = new ServiceCollection().BuildServiceProvider();
        var factory = new PluginFactory(catalog, services, null);
        using var _ = no_grad();
        foreach (var (folder, model, options, key) in new[] { ("vgg", "vgg16-bn", "{}", "vgg16"), ("facenet", "facenet64", """{"depth": 18}""", "facenet64") })
        {
            var architecture = factory.Create(new PluginRef<IModelArchitecture>(model, Newtonsoft.Json.Linq.JObject.Parse(options)));
            using var classifier = ClassifierCheckpoint.Load(Path.Combine(dir, folder), architecture.Create);
            using var output = classifier.Forward(io["x"]);
            Close(io[key], output.Logits, model);
        }
        foreach (var t in io.Values) t.Dispose();
    }
}
