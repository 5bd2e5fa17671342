using TorchSharp.Modules;
using static TorchSharp.torch;
using TorchSharp;

namespace MIForge.Plugins.Models;

/// <summary>ResNet basic block: relu(bn(conv(relu(bn(conv x)))) + shortcut(x)).</summary>
internal sealed class BasicBlock : nn.Module<Tensor, Tensor>
{
    private readonly Sequential body;
    private readonly Sequential? shortcut;

    public BasicBlock(long cin, long cout, long stride) : base(nameof(BasicBlock))
    {
        body = nn.Sequential(
            nn.Conv2d(cin, cout, 3, stride, 1, bias: false), nn.BatchNorm2d(cout), nn.ReLU(),
            nn.Conv2d(cout, cout, 3, 1, 1, bias: false), nn.BatchNorm2d(cout));
        if (stride != 1 || cin != cout)
            shortcut = nn.Sequential(nn.Conv2d(cin, cout, 1, stride, bias: false), nn.BatchNorm2d(cout));
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        var skip = shortcut is null ? x : shortcut.forward(x);
        return (body.forward(x) + skip).relu().MoveToOuterDisposeScope();
    }
}

/// <summary>Improved-residual (IR) unit of face networks: bn → conv → PReLU → conv(stride) → bn, plus a shortcut.
/// The shortcut is declared first so the state lists it first, as face.evoLVe's bottleneck_IR (GMI's IR-50/IR-152)
/// registers shortcut_layer before res_layer: the reference state_dicts then import by order and shape.</summary>
internal sealed class IrBlock : nn.Module<Tensor, Tensor>
{
    private readonly Sequential? shortcut;
    private readonly Sequential body;
    private readonly long stride;

    public IrBlock(long cin, long cout, long stride) : base(nameof(IrBlock))
    {
        this.stride = stride;
        body = nn.Sequential(
            nn.BatchNorm2d(cin), nn.Conv2d(cin, cout, 3, 1, 1, bias: false), nn.PReLU(cout),
            nn.Conv2d(cout, cout, 3, stride, 1, bias: false), nn.BatchNorm2d(cout));
        if (cin != cout)
            shortcut = nn.Sequential(nn.Conv2d(cin, cout, 1, stride, bias: false), nn.BatchNorm2d(cout));
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        var skip = shortcut is not null ? shortcut.forward(x) : stride == 1 ? x : nn.functional.max_pool2d(x, 1, stride);
        return (body.forward(x) + skip).MoveToOuterDisposeScope();
    }
}
