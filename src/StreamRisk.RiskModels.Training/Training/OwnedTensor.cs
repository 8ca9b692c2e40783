using static TorchSharp.torch;

namespace StreamRisk.RiskModels.Training.Training;

/// <summary>
/// Input tensors copied into torch's own (aligned) memory. A tensor that wraps a pinned managed array sees another
/// alignment in each run, and libtorch's vector kernels then round differently: same-seed trainings drifted (by up to
/// 6e-3 after five epochs) until every input was copied.
/// </summary>
public static class OwnedTensor
{
    /// <summary><paramref name="data"/> (exactly the shape's element count) as a tensor of that shape, in torch's memory.</summary>
    public static Tensor Of(float[] data, params long[] shape)
    {
        ArgumentNullException.ThrowIfNull(data);
        var count = shape.Aggregate(1L, (a, d) => a * d);
        if (count != data.Length) throw new ArgumentException($"{data.Length} values for a tensor of {count}", nameof(data));
        // Written element by element into memory torch allocated: no torch tensor ever points at the managed array,
        // so nothing depends on whether (or for how long) it stays pinned.
        var result = empty(shape, ScalarType.Float32);
        result.data<float>().CopyFrom(data);
        return result;
    }

    /// <summary>Class labels as an int64 tensor in torch's memory.</summary>
    public static Tensor Labels(IEnumerable<int> labels)
    {
        var values = labels.Select(l => (long)l).ToArray();
        var result = empty([values.Length], ScalarType.Int64);
        result.data<long>().CopyFrom(values);
        return result;
    }
}
