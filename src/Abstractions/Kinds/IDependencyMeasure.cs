using TorchSharp;
using static TorchSharp.torch;

namespace MIForge.Abstractions;

/// <summary>A statistical dependency between two paired samples (HSIC, COCO, ...).</summary>
public interface IDependencyMeasure
{
    /// <summary>Dependency between x [m,dx] and y [m,dy] (rows paired) as a differentiable scalar
    /// tensor; larger means more dependent.</summary>
    torch.Tensor Measure(torch.Tensor x, torch.Tensor y);
}
