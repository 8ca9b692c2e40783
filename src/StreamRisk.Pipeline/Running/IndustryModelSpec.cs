using StreamRisk.Nlp.Llm;

namespace StreamRisk.Pipeline.Running;

/// <summary>Which model reads issuer-free texts.</summary>
public enum IndustryModelKind { BuiltIn, Gguf, OpenAi }

/// <summary>
/// <c>--industry-model builtin|gguf:PATH|openai:URL</c> (or <c>STREAMRISK_INDUSTRY_MODEL</c>), parsed and checked
/// before anything is opened or connected: a GGUF file must exist and start with the GGUF header, a server URL must be
/// absolute http(s). Nothing here loads a model or calls a server.
/// </summary>
public sealed record IndustryModelSpec(IndustryModelKind Kind, string? Location)
{
    public const string Variable = "STREAMRISK_INDUSTRY_MODEL";

    public static IndustryModelSpec BuiltIn { get; } = new(IndustryModelKind.BuiltIn, null);

    /// <exception cref="ConfigurationException">What is wrong and what to write instead.</exception>
    public static IndustryModelSpec Parse(string? text, string source = "--industry-model")
    {
        if (string.IsNullOrWhiteSpace(text) || text.Trim().Equals("builtin", StringComparison.OrdinalIgnoreCase))
        {
            return BuiltIn;
        }
        text = text.Trim();
        try
        {
            if (text.StartsWith("gguf:", StringComparison.OrdinalIgnoreCase))
            {
                var path = text[5..];
                GgufFileCheck.Check(path);
                return new IndustryModelSpec(IndustryModelKind.Gguf, path);
            }
            if (text.StartsWith("openai:", StringComparison.OrdinalIgnoreCase))
            {
                var url = text[7..];
                if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
                {
                    throw new LanguageModelConfigurationException($"'{url}' is not a URL (e.g. openai:http://localhost:8080/v1)");
                }
                return new IndustryModelSpec(IndustryModelKind.OpenAi, OpenAiLanguageModel.ApiBase(uri).ToString());
            }
        }
        catch (LanguageModelConfigurationException ex)
        {
            throw new ConfigurationException($"{source}: {ex.Message}", ex);
        }
        throw new ConfigurationException($"{source}='{text}' is not an industry model: use builtin, gguf:PATH (a .gguf file) or openai:URL (an OpenAI-compatible server)");
    }
}
