using System.Diagnostics;

namespace MIForge.TestSupport;

/// <summary>A tiny CelebA-shaped folder written by Pillow (/usr/bin/python3): img_align_celeba/NNNNNN.jpg (178×218 RGB
/// JPEGs with a face-like oval centred where CelebA's aligned faces are) and identity_CelebA.txt. Each identity has
/// its own skin tone, eye spacing, mouth width and background hue, plus per-image noise and jitter, so a small CNN
/// can tell identities apart at 64×64.</summary>
public static class SyntheticCeleba
{
    private const string Script = """
        import sys, os, numpy as np
        from PIL import Image, ImageDraw
        root, ids, per, seed = sys.argv[1], int(sys.argv[2]), sys.argv[3], int(sys.argv[4])
        counts = [int(c) for c in per.split(",")]
        os.makedirs(f"{root}/img_align_celeba", exist_ok=True)
        rng = np.random.default_rng(seed)
        lines, n = [], 0
        for k in range(ids):
            ident = k + 1
            r = np.random.default_rng(1000 + k)
            skin = tuple(int(v) for v in r.integers(90, 240, 3))
            back = tuple(int(v) for v in r.integers(0, 255, 3))
            eyes, mouth, face_w = int(r.integers(10, 26)), int(r.integers(8, 30)), int(r.integers(30, 46))
            for i in range(counts[k % len(counts)]):
                n += 1
                dx, dy = (int(v) for v in rng.integers(-3, 4, 2))
                img = Image.new("RGB", (178, 218), back)
                d = ImageDraw.Draw(img)
                cx, cy = 89 + dx, 118 + dy
                d.ellipse([cx - face_w, cy - 50, cx + face_w, cy + 50], fill=skin)
                for s in (-1, 1):
                    d.ellipse([cx + s * eyes - 5, cy - 18, cx + s * eyes + 5, cy - 10], fill=(20, 20, 60))
                d.rectangle([cx - mouth, cy + 22, cx + mouth, cy + 28], fill=(150, 30, 40))
                a = np.asarray(img).astype(np.int16) + rng.integers(-12, 13, (218, 178, 3))
                name = f"{n:06d}.jpg"
                Image.fromarray(np.clip(a, 0, 255).astype(np.uint8)).save(f"{root}/img_align_celeba/{name}", quality=90)
                lines.append(f"{name} {ident}")
        open(f"{root}/identity_CelebA.txt", "w").write("\n".join(lines) + "\n")
        """;

    /// <summary>Writes <paramref name="identities"/> identities (numbered 1..n) under <paramref name="root"/>; identity k has
    /// <paramref name="imagesPerIdentity"/>[k mod length] images.</summary>
    public static void Write(string root, int identities, IReadOnlyList<int> imagesPerIdentity, int seed = 0)
    {
        var psi = new ProcessStartInfo("/usr/bin/python3", ["-c", Script, root, identities.ToString(), string.Join(",", imagesPerIdentity), seed.ToString()])
            { RedirectStandardError = true };
        using var p = Process.Start(psi)!;
        var error = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"writing the synthetic CelebA folder failed: {error}");
    }
}
