namespace MIForge.Bench;

/// <summary>This machine's FP32 peak, cores × clock × FLOP per cycle, with how it was computed.</summary>
internal static class Peak
{
    /// <summary>FP32 lanes of one FMA pipe: 16 on an Intel core with AVX-512 (two 512-bit FMA units on Xeon server
    /// parts), 8 otherwise (AVX2; Zen 4 runs AVX-512 as two 256-bit halves).</summary>
    public static int Lanes(string vendor, IReadOnlyCollection<string> flags) =>
        vendor == "GenuineIntel" && flags.Contains("avx512f") ? 16 : 8;

    public static (double gflops, string how) Fp32()
    {
        var info = File.Exists("/proc/cpuinfo") ? File.ReadAllLines("/proc/cpuinfo") : [];
        string? Field(string name) => info.FirstOrDefault(l => l.StartsWith(name, StringComparison.Ordinal))?.Split(':', 2)[1].Trim();
        var cores = int.TryParse(Field("cpu cores"), out var c) ? c : Environment.ProcessorCount;
        var mhz = double.TryParse(Field("cpu MHz"), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var m) ? m : double.NaN;
        var vendor = Field("vendor_id") ?? "";
        var lanes = Lanes(vendor, (Field("flags") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries));
        var flopPerCycle = 2 * lanes * 2;
        var gflops = cores * mhz / 1000 * flopPerCycle;
        return (gflops, $"{cores} cores × {mhz / 1000:F3} GHz (/proc/cpuinfo) × {flopPerCycle} FP32 FLOP/cycle (2 FMA pipes × {lanes} lanes × 2, {vendor}) = {gflops:F1} GFLOP/s");
    }

    /// <summary>FLOP of one training image of the MNIST CNN: forward (convolutions and linear layers,
    /// 2 FLOP per multiply-add) times 3 for forward + backward (input and weight gradients).</summary>
    public static double MnistCnnTrainFlopPerImage()
    {
        double conv1 = 2.0 * 32 * 26 * 26 * (1 * 3 * 3), conv2 = 2.0 * 64 * 24 * 24 * (32 * 3 * 3);
        double fc1 = 2.0 * (64 * 12 * 12) * 128, fc2 = 2.0 * 128 * 10;
        return 3 * (conv1 + conv2 + fc1 + fc2);
    }
}
