using MIForge.Abstractions;
using TorchSharp;
using static TorchSharp.torch;

namespace MIForge.Plugins.Attacks.Lomma;

/// <summary>LOMMA's model augmentation: trains a surrogate to match the target's softmax on public
/// images by KL(target ‖ surrogate) at a temperature, with SGD (momentum 0.9, weight decay 1e-4).</summary>
public static class SurrogateDistillation
{
    /// <summary>Distils <paramref name="target"/> into <paramref name="student"/> on <paramref name="publicImages"/>; leaves the student in eval mode.</summary>
    public static void Run(IClassifier target, IClassifier student, Tensor publicImages, LommaOptions options, Random random,
        IProgressReporter progress, string phase, CancellationToken cancellation)
    {
        var n = (int)publicImages.shape[0];
        var batch = Math.Min(options.DistillBatchSize, n);
        var perEpoch = (n + batch - 1) / batch;
        var total = (long)perEpoch * options.DistillEpochs;
        var t = options.Temperature;
        using var opt = optim.SGD(student.Module.parameters(), options.DistillLearningRate, momentum: 0.9, weight_decay: 1e-4);
        target.Module.eval();
        student.Module.train();
        long step = 0;
        for (var epoch = 0; epoch < options.DistillEpochs; epoch++)
        {
            var order = Enumerable.Range(0, n).ToArray();
            random.Shuffle(order);
            for (var start = 0; start < n; start += batch)
            {
                cancellation.ThrowIfCancellationRequested();
                using var scope = NewDisposeScope();
                var count = Math.Min(batch, n - start);
                var index = tensor(order.Skip(start).Take(count).Select(i => (long)i).ToArray());
                var x = publicImages.index_select(0, index);
                Tensor teacher;
                using (no_grad())
                using (var o = target.Forward(x)) teacher = (o.Logits / t).softmax(1);
                using var s = student.Forward(x);
                var loss = nn.functional.kl_div((s.Logits / t).log_softmax(1), teacher, log_target: false, reduction: nn.Reduction.Sum) / (t * t * count);
                opt.zero_grad();
                loss.backward();
                opt.step();
                progress.Report(phase, ++step, total, loss.ToDouble());
            }
        }
        student.Module.zero_grad();
        student.Module.eval();
    }
}
