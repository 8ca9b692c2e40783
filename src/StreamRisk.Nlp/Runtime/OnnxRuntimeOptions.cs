namespace StreamRisk.Nlp.Runtime;

/// <summary>How ONNX Runtime runs a model (from configuration).</summary>
public sealed record OnnxRuntimeOptions
{
    /// <summary><c>cpu</c> or <c>cuda</c>.</summary>
    public string ExecutionProvider { get; init; } = "cpu";

    public int CudaDeviceId { get; init; }

    /// <summary>When CUDA is asked for but missing, run on the CPU (with a warning) instead of failing.</summary>
    public bool AllowCpuFallback { get; init; }

    /// <summary>Threads inside one operator; 0 lets ONNX Runtime choose (one per core).</summary>
    public int IntraOpThreads { get; init; }

    /// <summary>Threads across independent operators; 0 lets ONNX Runtime choose.</summary>
    public int InterOpThreads { get; init; }

    /// <summary><c>disabled</c>, <c>basic</c>, <c>extended</c> or <c>all</c>.</summary>
    public string GraphOptimization { get; init; } = "all";

    /// <summary>The CPU memory arena: faster for steady batch shapes, holds on to its peak memory.</summary>
    public bool MemoryArena { get; init; } = true;

    /// <summary>Sequences per inference call.</summary>
    public int BatchSize { get; init; } = 32;
}
