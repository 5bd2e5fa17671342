using MIForge.Numerics.Serialization;
using static TorchSharp.torch;

namespace MIForge.Host.Reports;

/// <summary>The score files of an OOD stage folder: scores.&lt;scorer&gt;.&lt;set&gt;.safetensors, each with
/// the "in" (private test) and "out" (OOD set) scores.</summary>
public static class OodScores
{
    public static IEnumerable<(string Scorer, string Set, float[] Inside, float[] Outside)> In(string directory)
    {
        foreach (var file in Directory.GetFiles(directory, Stages.StageLayout.OodScoresPattern).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file)["scores.".Length..^".safetensors".Length];
            var dot = name.IndexOf('.');
            var (tensors, _) = SafeTensors.Load(file);
            try
            {
                yield return (dot < 0 ? name : name[..dot], dot < 0 ? "" : name[(dot + 1)..],
                    tensors["in"].cpu().to(ScalarType.Float32).data<float>().ToArray(), tensors["out"].cpu().to(ScalarType.Float32).data<float>().ToArray());
            }
            finally { foreach (var t in tensors.Values) t.Dispose(); }
        }
    }
}
