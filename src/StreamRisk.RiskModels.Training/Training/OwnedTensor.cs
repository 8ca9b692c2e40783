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
        using var wrapped = tensor(data, shape);
        return wrapped.clone();
    }
}
