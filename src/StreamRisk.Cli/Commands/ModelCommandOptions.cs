using System.CommandLine;
using StreamRisk.Pipeline.Running;

namespace StreamRisk.Cli.Commands;

/// <summary>The options that switch text models from built-in to ONNX Runtime (docs/models.md), shared by run and replay.</summary>
internal sealed class ModelCommandOptions
{
    private readonly Option<string> _firm = FirmModelOption();
    private readonly Option<string?> _ner = new("--ner-model") { Description = "Manifest of an ONNX token-classification (NER) model; its ORG spans are linked to issuers. Default: gazetteer only." };
    private readonly Option<NerMode> _nerMode = new("--ner-mode") { Description = "How NER-model and gazetteer mentions combine: Union, ModelOnly, GazetteerOnly.", DefaultValueFactory = _ => NerMode.Union };
    private readonly Option<string?> _embedding = new("--embedding-model") { Description = "Manifest of an ONNX sentence-embedding model for topic retrieval. Default: built-in hashed TF-IDF." };
    private readonly Option<string> _provider = new("--execution-provider") { Description = "ONNX Runtime execution provider: cpu or cuda.", DefaultValueFactory = _ => "cpu" };
    private readonly Option<bool> _fallback = new("--allow-cpu-fallback") { Description = "With --execution-provider cuda: run on the CPU (with a warning) when CUDA is unavailable, instead of failing." };
    private readonly Option<int> _threads = new("--onnx-threads") { Description = "ONNX Runtime intra-op threads (0: its default).", DefaultValueFactory = _ => 0 };

    /// <summary>Shared with <c>live</c>.</summary>
    public static Option<string> FirmModelOption() => new("--firm-model")
    {
        Description = "Firm-level sentiment: 'default' (the shipped model trained by streamrisk train sentiment, served by ONNX Runtime), "
            + "'lexicon' (the built-in word-list scorer), or the manifest (JSON) of an ONNX aspect-sentiment model.",
        DefaultValueFactory = _ => "default",
    };

    /// <summary>What <see cref="ModelOptions.FirmModel"/> takes: null for the lexicon, else 'default' or a manifest (resolved
    /// when the pipeline loads its models, so a missing shipped model is reported like any other bad configuration).</summary>
    public static string? FirmModel(string value) => value == "lexicon" ? null : value;

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { _firm, _ner, _nerMode, _embedding, _provider, _fallback, _threads })
        {
            command.Options.Add(option);
        }
    }

    public ModelOptions Read(ParseResult result) => new()
    {
        FirmModel = FirmModel(result.GetValue(_firm)!),
        NerModel = result.GetValue(_ner),
        NerMode = result.GetValue(_nerMode),
        EmbeddingModel = result.GetValue(_embedding),
        ExecutionProvider = result.GetValue(_provider)!,
        AllowCpuFallback = result.GetValue(_fallback),
        Threads = result.GetValue(_threads),
    };
}
