using StreamRisk.Nlp.Llm;
using StreamRisk.Tests.Shared.Llm;

namespace StreamRisk.Nlp.Tests.Llm;

public class GgufLanguageModel_BadFiles
{
    private static readonly string Folder = Directory.CreateTempSubdirectory("streamrisk-badgguf-").FullName;

    [Fact]
    public void A_missing_file_is_a_configuration_error_naming_it()
    {
        var path = Path.Combine(Folder, "absent.gguf");
        var error = Assert.Throws<LanguageModelConfigurationException>(() => GgufLanguageModel.Load(path, LlmTestFixtures.TopicIds));
        Assert.Contains(path, error.Message);
        Assert.Contains("does not exist", error.Message);
    }

    [Fact]
    public void A_file_that_is_not_GGUF_is_refused_before_llama_cpp_sees_it()
    {
        var path = Path.Combine(Folder, "model.onnx.gguf");
        File.WriteAllText(path, "this is a text file, not a model; it is long enough to hold a header");
        var error = Assert.Throws<LanguageModelConfigurationException>(() => GgufLanguageModel.Load(path, LlmTestFixtures.TopicIds));
        Assert.Contains("not a GGUF file", error.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10)]
    [InlineData(4_000)]
    [InlineData(200_000)]
    [InlineData(530_000)]
    public void A_truncated_download_is_a_clear_error_never_a_crash(int bytes)
    {
        var path = TinyGguf.WriteTruncated(Path.Combine(Folder, $"cut-{bytes}.gguf"), bytes);
        var error = Assert.Throws<LanguageModelConfigurationException>(() => GgufLanguageModel.Load(path, LlmTestFixtures.TopicIds));
        Assert.Contains(path, error.Message);
    }
}
