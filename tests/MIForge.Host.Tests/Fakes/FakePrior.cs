using MIForge.Abstractions;
using TorchSharp;
using TorchSharp.Modules;
using MIForge.Numerics.Serialization;
using static TorchSharp.torch;

namespace MIForge.Host.Tests.Fakes;

/// <summary>Options of the fake prior (only to make two configurations differ).</summary>
public sealed class FakePriorOptions
{
    [System.ComponentModel.DataAnnotations.Range(1, 10)]
    public int Width { get; set; } = 1;
}

/// <summary>A linear "generator" from 4 latents to images; training just counts.</summary>
[Plugin("fake-prior", "linear generator")]
public sealed class FakePrior(FakePriorOptions options) : IPrior
{
    private readonly int created = Interlocked.Increment(ref Counters.PriorsCreated);

    /// <summary>The configured width (unused by the generator).</summary>
    public int Width => options.Width;

    private Generator? generator;

    public int LatentDim => 4;

    public torch.Tensor SampleLatents(long count) => torch.randn(count, LatentDim);

    public torch.Tensor Generate(torch.Tensor latents) => generator!.forward(latents).sigmoid().reshape(-1, generator.Shape.Channels, generator.Shape.Height, generator.Shape.Width);

    public torch.Tensor Realness(torch.Tensor images) => images.mean([1L, 2L, 3L]);

    public void Train(PriorTraining training)
    {
        Interlocked.Increment(ref Counters.PriorTrainings);
        generator = new Generator(training.Data.Shape);
    }

    public void Save(string directory)
    {
        Checkpoint.Save(Path.Combine(directory, "g.safetensors"), generator!, new Newtonsoft.Json.Linq.JObject
        {
            ["c"] = generator!.Shape.Channels, ["h"] = generator.Shape.Height, ["w"] = generator.Shape.Width,
        });
    }

    public void Load(string directory)
    {
        var path = Path.Combine(directory, "g.safetensors");
        var side = Checkpoint.ReadSidecar(path);
        generator = new Generator(new ImageShape((int)side["c"]!, (int)side["h"]!, (int)side["w"]!));
        Checkpoint.Load(path, generator);
    }

    public IPrior Clone() => throw new NotSupportedException();

    public void Dispose() => generator?.Dispose();

    private sealed class Generator : torch.nn.Module<torch.Tensor, torch.Tensor>
    {
        private readonly Linear map;

        public Generator(ImageShape shape) : base(nameof(Generator))
        {
            Shape = shape;
            map = torch.nn.Linear(4, shape.Elements);
            register_module("map", map);
        }

        public ImageShape Shape { get; }

        public override torch.Tensor forward(torch.Tensor z) => map.forward(z);
    }
}
