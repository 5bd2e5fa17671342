using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using TorchSharp;

namespace MIForge.Numerics.Runtime;

/// <summary>The highest instruction set libtorch's oneDNN kernels may use: oneDNN's own ONEDNN_MAX_CPU_ISA, which it
/// reads once, at its first convolution. On a 2-vCPU AMD EPYC (AVX-512) libtorch 2.10's oneDNN convolutions failed the
/// <see cref="ConvolutionCheck"/> with every AVX-512 and AVX2 kernel set and passed capped at SSE4.1, where they still
/// ran 2.4 times faster than libtorch without oneDNN. Which cap passes is a fact about a machine and a libtorch, so
/// `miforge onednn` finds it once (one process per candidate) and records it per machine; every process then caps
/// oneDNN as recorded before its first convolution and checks the result again.</summary>
public static class OneDnnIsa
{
    /// <summary>The caps `miforge onednn` tries, fastest first; "default" is none (oneDNN picks the CPU's best).</summary>
    public static IReadOnlyList<string> Candidates { get; } = ["default", "avx2", "sse41"];

    /// <summary>Every value the ONEDNN_ISA setting takes: "default" and oneDNN's names of its instruction sets.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "default", "sse41", "avx", "avx2", "avx2_vnni", "avx2_vnni_2", "avx512_core", "avx512_core_vnni",
        "avx512_core_bf16", "avx512_core_fp16", "avx512_core_amx", "avx512_core_amx_fp16", "avx10_1_512",
        "avx10_1_512_amx", "avx10_1_512_amx_fp16", "avx10_2_512", "avx10_2_512_amx_2",
    ];

    /// <summary>The cap this process gave oneDNN ("default": none); null before <see cref="Apply"/>.</summary>
    public static string? Applied { get; private set; }

    /// <summary>Where <see cref="Applied"/> came from: "ONEDNN_ISA", "ONEDNN_MAX_CPU_ISA", "this machine's record" or null.</summary>
    public static string? Source { get; private set; }

    /// <summary>A valid cap in lower case, or null for null or empty; throws <see cref="ArgumentException"/> naming
    /// ONEDNN_ISA and the values it takes otherwise.</summary>
    public static string? Normalize(string? isa)
    {
        if (string.IsNullOrWhiteSpace(isa)) return null;
        var name = isa.Trim().ToLowerInvariant();
        if (!Names.Contains(name))
            throw new ArgumentException($"ONEDNN_ISA (MIFORGE_ONEDNN_ISA) must be one of {string.Join(", ", Names)}; got '{isa}'", nameof(isa));
        return name;
    }

    /// <summary>Caps oneDNN for this process before its first convolution: <paramref name="chosen"/> (the ONEDNN_ISA
    /// setting) if given, else an ONEDNN_MAX_CPU_ISA the process was started with, else this machine's record, else
    /// none. Returns the cap. A second call must resolve to the same cap: oneDNN reads it only once, so a different one
    /// throws <see cref="InvalidOperationException"/>.</summary>
    public static string Apply(string? chosen)
    {
        chosen = Normalize(chosen);
        var inherited = Inherited();
        var recorded = chosen is null && inherited is null ? Recorded() : null;
        var (isa, source) = chosen is not null ? (chosen, "ONEDNN_ISA")
            : inherited is not null ? (inherited, "ONEDNN_MAX_CPU_ISA")
            : recorded is not null ? (recorded, "this machine's record")
            : ("default", (string?)null);
        if (Applied is not null)
        {
            if (Applied != isa)
                throw new InvalidOperationException($"oneDNN's instruction set is fixed at a process's first convolution; this process has '{Applied}', not '{isa}'");
            return isa;
        }
        if (isa != "default" && inherited is null && SetEnv("ONEDNN_MAX_CPU_ISA", isa.ToUpperInvariant(), 1) != 0)
            throw new InvalidOperationException($"could not set ONEDNN_MAX_CPU_ISA={isa.ToUpperInvariant()} for libtorch");
        (Applied, Source) = (isa, source);
        return isa;
    }

    /// <summary>The ONEDNN_MAX_CPU_ISA this process was started with, lower case ("all" read as "default"), or null; a
    /// value oneDNN does not know throws <see cref="ArgumentException"/> naming that variable.</summary>
    public static string? Inherited()
    {
        var raw = Environment.GetEnvironmentVariable("ONEDNN_MAX_CPU_ISA");
        if (string.IsNullOrWhiteSpace(raw)) return null;
        var name = raw.Trim().ToLowerInvariant();
        if (name == "all") return "default";
        if (!Names.Contains(name))
            throw new ArgumentException($"ONEDNN_MAX_CPU_ISA in the environment must be one of all, {string.Join(", ", Names)}; got '{raw}'");
        return name;
    }

    /// <summary>This machine's record: a file per CPU model, CPU flags and libtorch version under
    /// $XDG_CACHE_HOME/miforge (default ~/.cache/miforge).</summary>
    public static string RecordPath
    {
        get
        {
            var cache = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
            if (string.IsNullOrEmpty(cache)) cache = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
            return Path.Combine(cache, "miforge", $"onednn-isa-{MachineKey()}.txt");
        }
    }

    /// <summary>The cap recorded for this machine and libtorch, or null when none is (or the record is unreadable).</summary>
    public static string? Recorded()
    {
        try
        {
            var path = RecordPath;
            return File.Exists(path) ? Normalize(File.ReadAllText(path)) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>Records <paramref name="isa"/> for this machine and libtorch (written to a temporary file, then renamed).</summary>
    public static void Record(string isa)
    {
        isa = Normalize(isa) ?? throw new ArgumentException("an instruction set to record is required", nameof(isa));
        var path = RecordPath;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = $"{path}.{Environment.ProcessId}.tmp";
        File.WriteAllText(temp, isa + "\n");
        File.Move(temp, path, overwrite: true);
    }

    /// <summary>12 hex digits of SHA-256 over the CPU's model name and flags (from /proc/cpuinfo) and libtorch's version;
    /// computed once per process.</summary>
    public static string MachineKey() => Key.Value;

    private static readonly Lazy<string> Key = new(ComputeKey);

    private static string ComputeKey()
    {
        var cpu = "";
        try
        {
            cpu = string.Join("\n", File.ReadLines("/proc/cpuinfo")
                .Where(l => l.StartsWith("model name", StringComparison.Ordinal) || l.StartsWith("flags", StringComparison.Ordinal))
                .Distinct());
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
        var text = $"{cpu}\n{RuntimeInformation.ProcessArchitecture}\nlibtorch {torch.__version__}";
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..12].ToLowerInvariant();
    }

    [DllImport("libc", EntryPoint = "setenv", CharSet = CharSet.Ansi)]
    private static extern int SetEnv(string name, string value, int overwrite);
}
