using System.Diagnostics;

namespace MIForge.Plugins.Data.Tests.Fixtures;

/// <summary>Images written by Pillow (Debian's python3-pil through /usr/bin/python3), with Pillow's own decoded RGB
/// pixels beside each file (&lt;file&gt;.rgb, H×W×3 bytes), so the decoder is checked against a second implementation.</summary>
public static class PillowImages
{
    private const string Script = """
        import sys, numpy as np
        from PIL import Image
        out = sys.argv[1]
        rng = np.random.default_rng(3)
        y, x = np.mgrid[0:218, 0:178]
        img = np.stack([(x * 255 // 177), (y * 255 // 217), ((x + y) % 64) * 4], -1).astype(np.uint8)
        img[60:150, 40:140] = rng.integers(0, 255, (90, 100, 3), dtype=np.uint8) // 2 + 64
        pic = Image.fromarray(img, "RGB")
        for name, kw in [("face.jpg", dict(quality=95)), ("face.png", {}), ("face.bmp", {}), ("face.webp", dict(lossless=True))]:
            pic.save(f"{out}/{name}", **kw)
            with Image.open(f"{out}/{name}") as back:
                open(f"{out}/{name}.rgb", "wb").write(np.asarray(back.convert("RGB")).tobytes())
        pic.convert("L").save(f"{out}/gray.jpg", quality=90)
        with Image.open(f"{out}/gray.jpg") as back:
            open(f"{out}/gray.jpg.l", "wb").write(np.asarray(back).tobytes())
        """;

    /// <summary>Writes face.jpg, face.png, face.bmp and face.webp (178×218, like CelebA's aligned images) and gray.jpg (one
    /// channel; Pillow's pixels in gray.jpg.l) into <paramref name="folder"/>.</summary>
    public static void Write(string folder)
    {
        var psi = new ProcessStartInfo("/usr/bin/python3", ["-c", Script, folder]) { RedirectStandardError = true };
        using var p = Process.Start(psi)!;
        var error = p.StandardError.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, error);
    }
}
