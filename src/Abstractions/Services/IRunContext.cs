using static TorchSharp.torch;
using TorchSharp;

namespace MIForge.Abstractions;

/// <summary>Facts about the stage a plugin runs in. A fresh context is given for every stage.</summary>
public interface IRunContext
{
    /// <summary>The run folder; plugins read from it but write only under <see cref="StageDirectory"/>.</summary>
    string RunDirectory { get; }

    /// <summary>A folder owned by the current stage; its content is kept only if the stage finishes.</summary>
    string StageDirectory { get; }

    /// <summary>The device tensors should live on.</summary>
    Device Device { get; }

    /// <summary>The stage's seed, derived from the manifest seed and the stage's identity; the host
    /// seeds torch's global generator with it just before the stage starts, and never again during it.</summary>
    long Seed { get; }

    /// <summary>A torch generator seeded with <see cref="Seed"/>, owned by this stage: explicit draws
    /// (randn, rand, randperm) that take it depend on nothing outside the stage.</summary>
    Generator Generator { get; }

    /// <summary>A managed RNG seeded with <see cref="Seed"/>, for shuffling and sampling indices.</summary>
    Random Random { get; }

    /// <summary>Resolves a path written in the manifest: relative paths are taken from the manifest's folder.</summary>
    string ResolvePath(string path);

    /// <summary>Signalled on Ctrl-C; long loops should check it between steps.</summary>
    CancellationToken Cancellation { get; }
}
