using static TorchSharp.torch;
using TorchSharp;

namespace MIForge.Numerics.Serialization;

/// <summary>The safetensors names and element sizes of the dtypes checkpoints hold.</summary>
public static class SafetensorsDtypes
{
    /// <summary>Bytes per element.</summary>
    public static int ElementSize(this ScalarType t) => t switch
    {
        ScalarType.Byte or ScalarType.Int8 or ScalarType.Bool => 1,
        ScalarType.Int16 or ScalarType.Float16 or ScalarType.BFloat16 => 2,
        ScalarType.Int32 or ScalarType.Float32 => 4,
        ScalarType.Int64 or ScalarType.Float64 => 8,
        _ => throw new NotSupportedException($"dtype {t} has no safetensors element size"),
    };

    /// <summary>The safetensors name of the dtype (F32, I64, ...).</summary>
    public static string SafetensorsName(this ScalarType t) => t switch
    {
        ScalarType.Float32 => "F32", ScalarType.Float64 => "F64", ScalarType.Float16 => "F16", ScalarType.BFloat16 => "BF16",
        ScalarType.Int64 => "I64", ScalarType.Int32 => "I32", ScalarType.Int16 => "I16", ScalarType.Int8 => "I8",
        ScalarType.Byte => "U8", ScalarType.Bool => "BOOL",
        _ => throw new NotSupportedException($"dtype {t} has no safetensors name"),
    };

    /// <summary>The dtype of a safetensors name, or null when unknown.</summary>
    public static ScalarType? FromSafetensorsName(string name) => name switch
    {
        "F32" => ScalarType.Float32, "F64" => ScalarType.Float64, "F16" => ScalarType.Float16, "BF16" => ScalarType.BFloat16,
        "I64" => ScalarType.Int64, "I32" => ScalarType.Int32, "I16" => ScalarType.Int16, "I8" => ScalarType.Int8,
        "U8" => ScalarType.Byte, "BOOL" => ScalarType.Bool,
        _ => null,
    };
}
