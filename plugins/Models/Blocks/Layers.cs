using TorchSharp.Modules;
using static TorchSharp.torch;
using TorchSharp;

namespace MIForge.Plugins.Models;

/// <summary>Small builders for the conv stacks the architectures share.</summary>
internal static class Layers
{
    /// <summary>conv → batch norm → LeakyReLU(slope) [→ 2×2 max-pool].</summary>
    public static Sequential ConvBnLeaky(long cin, long cout, long kernel, long padding, double slope, bool pool)
    {
        var s = nn.Sequential(nn.Conv2d(cin, cout, kernel, padding: padding), nn.BatchNorm2d(cout), nn.LeakyReLU(slope));
        if (pool) s.append(nn.MaxPool2d(2));
        return s;
    }

    /// <summary>conv3×3 → batch norm → ReLU.</summary>
    public static Sequential ConvBnRelu(long cin, long cout) =>
        nn.Sequential(nn.Conv2d(cin, cout, 3, padding: 1), nn.BatchNorm2d(cout), nn.ReLU());

    /// <summary>A linear classification head.</summary>
    public static Func<long, Linear> LinearHead(int classes) => dim => nn.Linear(dim, classes);
}
