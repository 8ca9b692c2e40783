namespace StreamRisk.Nlp.Runtime;

/// <summary>How ONNX Runtime runs a model (from configuration).</summary>
public sealed record OnnxRuntimeOptions
{
    /// <summary><c>cpu</c> or <c>cuda</c>.</summary>
    public string ExecutionProvider { get; init; } = "cpu";

    public int CudaDeviceId { get; init; }

    /// <summary>When CUDA is asked for but missing, run on the CPU (with a warning) instead of failing.</summary>
    public bool AllowCpuFallback { get; init; }

    /// <summary>Threads inside one operator; 0 lets ONNX Runtime choose (one per core, or the cores shared among
    /// <see cref="ConcurrentBatches"/>).</summary>
    public int IntraOpThreads { get; init; }

    /// <summary>Batches of one scoring call run at once, each from its own thread (the firm-sentiment runner; other
    /// runners score their batches one after another). A small model's operators gain little from several threads, so
    /// one thread per batch and one batch per core does more work per second on the same cores (bench/RESULTS.md).</summary>
    public int ConcurrentBatches { get; init; } = 1;

    /// <summary>Threads across independent operators; 0 lets ONNX Runtime choose.</summary>
    public int InterOpThreads { get; init; }

    /// <summary><c>disabled</c>, <c>basic</c>, <c>extended</c> or <c>all</c>.</summary>
    public string GraphOptimization { get; init; } = "all";

    /// <summary>The CPU memory arena: faster for steady batch shapes, holds on to its peak memory.</summary>
    public bool MemoryArena { get; init; } = true;

    /// <summary>Sequences per inference call.</summary>
    public int BatchSize { get; init; } = 32;
}
