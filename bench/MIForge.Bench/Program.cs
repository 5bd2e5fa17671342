using System.Globalization;
using MIForge.Bench;
using TorchSharp;
using static TorchSharp.torch;
using Newtonsoft.Json.Linq;

// make bench [BENCH_ARGS="--quick --threads N --only WORKLOAD"]: MIForge (on TorchSharp's libtorch) next to PyTorch (on its own), same thread count, in interleaved rounds.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
// libtorch's oneDNN kernels chosen as the miforge host chooses them (MIFORGE_ONEDNN, default auto), before any convolution
var oneDnn = MIForge.Numerics.Runtime.OneDnnKernels.Configure(
    Environment.GetEnvironmentVariable("MIFORGE_ONEDNN"), Environment.GetEnvironmentVariable("MIFORGE_ONEDNN_ISA"));
var quick = args.Contains("--quick");
var threadsAt = Array.IndexOf(args, "--threads");
int[] threadCounts = threadsAt >= 0 && threadsAt + 1 < args.Length ? [int.Parse(args[threadsAt + 1])] : [1, 2];
var rounds = quick ? 3 : 9;
var onlyAt = Array.IndexOf(args, "--only");
var only = onlyAt >= 0 && onlyAt + 1 < args.Length ? args[onlyAt + 1] : null;
bool Wanted(string workload) => only is null || workload.Contains(only, StringComparison.Ordinal);
var root = FindRoot();
var rows = new List<JObject>();
var (peak, peakHow) = Peak.Fp32();

Console.WriteLine("MIForge bench");
Console.WriteLine($"  machine : {CpuModel()}, {Environment.ProcessorCount} logical cores");
Console.WriteLine($"  peak    : {peakHow}");
Console.WriteLine($"  oneDNN  : {oneDnn} in MIForge, as the host chooses; PyTorch with its default (on)");
Console.WriteLine($"  method  : {rounds} interleaved rounds per workload (MIForge, PyTorch, MIForge, ...); medians, ratio = median of per-round ratios");

foreach (var threads in threadCounts)
{
    set_num_threads(threads);
    using var python = new PyTorchWorker(Path.Combine(root, "bench", "pytorch_bench.py"), threads);
    Console.WriteLine();
    Console.WriteLine($"{threads} intra-op thread{(threads == 1 ? "" : "s")}: TorchSharp {typeof(torch).Assembly.GetName().Version} on libtorch {__version__}; PyTorch {python.Hello["torch"]} with {python.Hello["threads"]} threads");
    Console.WriteLine($"{"workload",-48} {"MIForge",10} {"PyTorch",10} {"ratio",7}");

    // (a) per-op overhead of a tiny op
    if (Wanted("tiny-op-add"))
    {
        using var a = ones(1); using var b = ones(1);
        const int n = 100_000;
        var (ours, theirs, ratio) = Interleaved.Seconds(
            steps => { for (var i = 0; i < steps; i++) { using var c = a.add(b); } },
            steps => python.Seconds("op", steps), n, rounds);
        Row(rows, "tiny-op-add", threads, "tiny op a.add(b), 1 element (µs/op, lower is better)", ours / n * 1e6, theirs / n * 1e6, ratio, "us/op");
    }

    // (b) MNIST CNN training throughput, batch 64, Adam
    if (Wanted("mnist-cnn-train"))
    {
        const int batch = 64; var steps = quick ? 10 : 20;
        manual_seed(0);
        using var net = Workloads.MnistCnn();
        using var opt = optim.Adam(net.parameters(), lr: 1e-3);
        using var x = randn(batch, 1, 28, 28);
        using var y = randint(0, 10, new long[] { batch });
        var (ours, theirs, ratio) = Interleaved.Seconds(steps =>
        {
            for (var i = 0; i < steps; i++)
            {
                using var scope = NewDisposeScope();
                opt.zero_grad();
                nn.functional.cross_entropy(net.forward(x), y).backward();
                opt.step();
            }
        }, s => python.Seconds("cnn", s), steps, rounds);
        var imagesPerSecond = batch * steps / ours;
        Row(rows, "mnist-cnn-train", threads, "MNIST CNN train, batch 64, Adam (images/s)", imagesPerSecond, batch * steps / theirs, ratio, "images/s");
        var gflops = imagesPerSecond * Peak.MnistCnnTrainFlopPerImage() / 1e9;
        Console.WriteLine($"{"  achieved (3 × forward FLOP per image)",-48} {gflops,10:F1} GFLOP/s = {gflops / peak:P1} of the {peak:F1} GFLOP/s FP32 peak");
        rows[^1]["gflops"] = Math.Round(gflops, 2);
        rows[^1]["peak_gflops"] = Math.Round(peak, 2);
    }

    // (c) WGAN-GP: critic step with gradient penalty + generator step, batch 64, 32×32
    if (Wanted("wgan-gp-step"))
    {
        const int batch = 64; var steps = quick ? 2 : 4;
        manual_seed(0);
        using var g = Workloads.Generator();
        using var d = Workloads.Critic();
        using var optG = optim.Adam(g.parameters(), 2e-4, 0.5, 0.999);
        using var optD = optim.Adam(d.parameters(), 2e-4, 0.5, 0.999);
        using var real = rand(batch, 1, 32, 32) * 2 - 1;
        var (ours, theirs, ratio) = Interleaved.Seconds(
            s => { for (var i = 0; i < s; i++) Workloads.WganGpStep(g, d, optG, optD, real); },
            s => python.Seconds("wgan", s), steps, rounds);
        Row(rows, "wgan-gp-step", threads, "WGAN-GP critic+GP and generator step (steps/s)", steps / ours, steps / theirs, ratio, "steps/s");
    }

    // (e) face loading: 178×218 JPEG → decode, centre crop 108, resize to 64×64 (MIForge: SkiaSharp; PyTorch side: Pillow)
    if (Wanted("jpeg-crop-resize"))
    {
        var jpeg = new JpegPipeline(root);
        var passes = quick ? 1 : 2;
        var (ours, theirs, ratio) = Interleaved.Seconds(s => jpeg.Run(s, threads), s => python.Seconds("jpeg", s), passes, rounds);
        Row(rows, "jpeg-crop-resize", threads, "JPEG 178x218 → crop 108 → 64x64 vs Pillow (images/s)", jpeg.Count * passes / ours, jpeg.Count * passes / theirs, ratio, "images/s");
    }
}

Console.WriteLine();
Console.WriteLine("ratio > 1: MIForge faster than PyTorch (each on its own libtorch: versions above).");
var benchJson = Path.Combine(root, "artifacts", "bench.json");
Directory.CreateDirectory(Path.GetDirectoryName(benchJson)!);
File.WriteAllText(benchJson, new JArray(rows).ToString());
Console.WriteLine($"figures: {benchJson}");

// (d) what the BiDO regulariser adds to an MCNN training step at batch 64 (issue target: at most 30%)
if (Wanted("defense-overhead"))
{
    using var bench = new DefenseOverhead(root);
    var steps = quick ? 5 : 10;
    Console.WriteLine();
    Console.WriteLine($"{"defense overhead, MCNN step at batch 64, " + get_num_threads() + " threads",-48} {"defended",10} {"plain",10} {"added",7}");
    foreach (var (label, name, options) in new[]
    {
        ("BiDO-HSIC (λx 2, λy 20), ms/step", "bido", new JObject { ["measure"] = "hsic", ["lambdaX"] = 2, ["lambdaY"] = 20 }),
        ("BiDO-COCO (λx 1, λy 50), ms/step", "bido", new JObject { ["measure"] = "coco", ["lambdaX"] = 1, ["lambdaY"] = 50 }),
    })
    {
        var defense = bench.Defense(name, options);
        var (defended, plain, ratio) = Interleaved.Seconds(s => bench.Steps(defense, s), s => { var t = System.Diagnostics.Stopwatch.StartNew(); bench.Steps(null, s); return t.Elapsed.TotalSeconds; }, steps, rounds);
        Console.WriteLine($"{label,-48} {defended / steps * 1000,10:F1} {plain / steps * 1000,10:F1} {(1 / ratio - 1) * 100,6:F1}%");
        (defense as IDisposable)?.Dispose();
    }
}

static void Row(List<JObject> rows, string workload, int threads, string name, double ours, double theirs, double ratio, string unit)
{
    Console.WriteLine($"{name,-48} {ours,10:F2} {theirs,10:F2} {ratio,6:F2}x");
    rows.Add(new JObject
    {
        ["workload"] = workload, ["threads"] = threads, ["miforge"] = Math.Round(ours, 4), ["pytorch"] = Math.Round(theirs, 4),
        ["ratio"] = Math.Round(ratio, 3), ["unit"] = unit,
    });
}

static string FindRoot()
{
    for (var d = new DirectoryInfo(AppContext.BaseDirectory); d != null; d = d.Parent)
        if (File.Exists(Path.Combine(d.FullName, "bench", "pytorch_bench.py"))) return d.FullName;
    return Directory.GetCurrentDirectory();
}

static string CpuModel()
{
    try { return File.ReadLines("/proc/cpuinfo").First(l => l.StartsWith("model name")).Split(':', 2)[1].Trim(); }
    catch { return "unknown CPU"; }
}
