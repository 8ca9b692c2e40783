using StreamRisk.Nlp.Runtime;
using StreamRisk.Nlp.Sentiment;

namespace StreamRisk.Nlp.Tests.Runtime;

public class SessionOptionsFactory_ExecutionProvider
{
    [Fact]
    public void Cuda_without_the_cuda_provider_fails_naming_what_is_missing()
    {
        var e = Assert.Throws<ExecutionProviderUnavailableException>(() =>
            SessionOptionsFactory.Create(new OnnxRuntimeOptions { ExecutionProvider = "cuda" }, ["CPUExecutionProvider"]));

        Assert.Contains("Microsoft.ML.OnnxRuntime.Gpu", e.Message);
        Assert.Contains("allowCpuFallback", e.Message);
    }

    [Fact]
    public void Cuda_with_fallback_allowed_runs_on_the_cpu_and_says_so()
    {
        var (options, provider) = SessionOptionsFactory.Create(new OnnxRuntimeOptions { ExecutionProvider = "cuda", AllowCpuFallback = true }, ["CPUExecutionProvider"]);
        options.Dispose();

        Assert.Equal("cpu", provider);
    }

    [Fact]
    public void A_model_asked_for_cuda_on_this_cpu_build_does_not_load_silently()
    {
        // The package referenced is the CPU build, so a real load must refuse rather than fall back.
        Assert.Throws<ExecutionProviderUnavailableException>(() =>
            OnnxAbsaModel.Load(TestModels.File("absa-graph.manifest.json"), new OnnxRuntimeOptions { ExecutionProvider = "cuda" }));
        using var fallback = OnnxAbsaModel.Load(TestModels.File("absa-graph.manifest.json"), new OnnxRuntimeOptions { ExecutionProvider = "cuda", AllowCpuFallback = true });
        Assert.Equal("cpu", fallback.ExecutionProvider);
    }

    [Fact]
    public void Unknown_provider_or_optimisation_level_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => SessionOptionsFactory.Create(new OnnxRuntimeOptions { ExecutionProvider = "tpu" }, ["CPUExecutionProvider"]));
        Assert.Throws<ArgumentException>(() => SessionOptionsFactory.Create(new OnnxRuntimeOptions { GraphOptimization = "max" }, ["CPUExecutionProvider"]));
    }
}
