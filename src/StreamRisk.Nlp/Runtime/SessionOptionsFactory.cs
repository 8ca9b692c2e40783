using Microsoft.Extensions.Logging;
using Microsoft.ML.OnnxRuntime;

namespace StreamRisk.Nlp.Runtime;

/// <summary>Turns <see cref="OnnxRuntimeOptions"/> into ONNX Runtime session options, never silently changing the device.</summary>
public static class SessionOptionsFactory
{
    public const string CudaProvider = "CUDAExecutionProvider";

    /// <summary>Session options, and the provider they will really run on (<c>cpu</c> or <c>cuda</c>).</summary>
    public static (SessionOptions Options, string Provider) Create(OnnxRuntimeOptions config, ILogger? logger = null) =>
        Create(config, OrtEnv.Instance().GetAvailableProviders(), logger);

    /// <param name="availableProviders">What this ONNX Runtime build offers (a parameter so tests can vary it).</param>
    public static (SessionOptions Options, string Provider) Create(OnnxRuntimeOptions config, IReadOnlyCollection<string> availableProviders, ILogger? logger = null)
    {
        var options = new SessionOptions
        {
            IntraOpNumThreads = config.IntraOpThreads == 0 && config.ConcurrentBatches > 1
                ? Math.Max(1, Environment.ProcessorCount / config.ConcurrentBatches)
                : config.IntraOpThreads,
            InterOpNumThreads = config.InterOpThreads,
            EnableCpuMemArena = config.MemoryArena,
            GraphOptimizationLevel = config.GraphOptimization switch
            {
                "disabled" => GraphOptimizationLevel.ORT_DISABLE_ALL,
                "basic" => GraphOptimizationLevel.ORT_ENABLE_BASIC,
                "extended" => GraphOptimizationLevel.ORT_ENABLE_EXTENDED,
                "all" => GraphOptimizationLevel.ORT_ENABLE_ALL,
                _ => throw new ArgumentException($"graph optimisation '{config.GraphOptimization}' is not one of disabled, basic, extended, all"),
            },
        };
        switch (config.ExecutionProvider)
        {
            case "cpu":
                return (options, "cpu");
            case "cuda":
                string? missing = null;
                Exception? cause = null;
                if (!availableProviders.Contains(CudaProvider))
                {
                    missing = $"this ONNX Runtime build offers only [{string.Join(", ", availableProviders)}]; the CUDA provider comes with " +
                              "the Microsoft.ML.OnnxRuntime.Gpu package (instead of Microsoft.ML.OnnxRuntime), which also needs CUDA 12 and cuDNN 9";
                }
                else
                {
                    try
                    {
                        options.AppendExecutionProvider_CUDA(config.CudaDeviceId);
                        return (options, "cuda");
                    }
                    catch (OnnxRuntimeException e)
                    {
                        missing = $"the CUDA provider failed to start on device {config.CudaDeviceId} (CUDA 12 / cuDNN 9 libraries or the GPU missing?): {e.Message}";
                        cause = e;
                    }
                }
                if (!config.AllowCpuFallback)
                {
                    options.Dispose();
                    throw new ExecutionProviderUnavailableException($"execution provider 'cuda' requested but unavailable: {missing}. " +
                                                                    "Install it, or set allowCpuFallback to run on the CPU.", cause);
                }
                logger?.LogWarning("execution provider 'cuda' unavailable ({Reason}); running on the CPU because allowCpuFallback is set", missing);
                return (options, "cpu");
            default:
                options.Dispose();
                throw new ArgumentException($"execution provider '{config.ExecutionProvider}' is not one of cpu, cuda");
        }
    }
}
