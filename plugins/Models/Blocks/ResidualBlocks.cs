using TorchSharp.Modules;
using static TorchSharp.torch;
using TorchSharp;

namespace MIForge.Plugins.Models;

/// <summary>ResNet basic block: relu(bn(conv(relu(bn(conv x)))) + shortcut(x)).</summary>
internal sealed class BasicBlock : nn.Module<Tensor, Tensor>
{
    private readonly Sequential body;
    private readonly Sequential? shortcut;

    public BasicBlock(long cin, long cout, long stride)
    {
        body = register_module("body", nn.Sequential(
            nn.Conv2d(cin, cout, 3, stride, 1, hasBias: false), nn.BatchNorm2d(cout), nn.ReLU(),
            nn.Conv2d(cout, cout, 3, 1, 1, hasBias: false), nn.BatchNorm2d(cout)));
        if (stride != 1 || cin != cout)
            shortcut = register_module("shortcut", nn.Sequential(nn.Conv2d(cin, cout, 1, stride, hasBias: false), nn.BatchNorm2d(cout)));
    }

    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        var skip = shortcut is null ? x : shortcut.forward(x);
        return (body.forward(x) + skip).relu().MoveToOuterDisposeScope();
    }
}

/// <summary>Improved-residual (IR) unit of face networks: bn → conv → PReLU → conv(stride) → bn, plus a shortcut.</summary>
internal sealed class IrBlock : nn.Module<Tensor, Tensor>
{
    private readonly Sequential body;
    private readonly Sequential? projection;
    private readonly long stride;

    public IrBlock(long cin, long cout, long stride)
    {
        this.stride = stride;
        body = register_module("body", nn.Sequential(
            nn.BatchNorm2d(cin), nn.Conv2d(cin, cout, 3, 1, 1, hasBias: false), new PReLU(cout),
            nn.Conv2d(cout, cout, 3, stride, 1, hasBias: false), nn.BatchNorm2d(cout)));
        if (cin != cout)
            projection = register_module("shortcut", nn.Sequential(nn.Conv2d(cin, cout, 1, stride, hasBias: false), nn.BatchNorm2d(cout)));
    }

    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        var skip = projection is not null ? projection.forward(x) : stride == 1 ? x : nn.functional.max_pool2d(x, 1, stride);
        return (body.forward(x) + skip).MoveToOuterDisposeScope();
    }
}
