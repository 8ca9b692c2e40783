using System.Text.Json.Serialization;

namespace StreamRisk.Nlp.Manifests;

/// <summary>The JSON file next to a model that says what it is and how to feed it (see docs/models.md).</summary>
public sealed record ModelManifest
{
    [JsonPropertyName("format_version")] public int FormatVersion { get; init; }
    [JsonPropertyName("model_id")] public string? ModelId { get; init; }
    /// <summary><c>aspect-sentiment</c>, <c>token-classification</c> or <c>embedding</c>.</summary>
    [JsonPropertyName("task")] public string? Task { get; init; }
    [JsonPropertyName("file")] public string? File { get; init; }
    [JsonPropertyName("sha256")] public string? Sha256 { get; init; }
    [JsonPropertyName("inputs")] public IReadOnlyList<TensorSpec>? Inputs { get; init; }
    [JsonPropertyName("outputs")] public IReadOnlyList<TensorSpec>? Outputs { get; init; }
    [JsonPropertyName("labels")] public IReadOnlyList<string>? Labels { get; init; }
    [JsonPropertyName("tokenizer")] public TokenizerSpec? Tokenizer { get; init; }
    [JsonPropertyName("max_length")] public int MaxLength { get; init; }
    /// <summary>ABSA: <c>graph</c> | <c>head-weights</c>; embeddings: <c>cls</c> | <c>mean</c>; NER: <c>none</c>.</summary>
    [JsonPropertyName("pooling")] public string? Pooling { get; init; }
    [JsonPropertyName("head")] public HeadSpec? Head { get; init; }
    /// <summary>ABSA only: <c>text</c> (default: the whole text, the issuer's mentions marked) | <c>clauses</c> (the text cut
    /// to the issuer's clauses first). A model must be served with the scope it was trained with.</summary>
    [JsonPropertyName("aspect_scope")] public string? AspectScope { get; init; }

    /// <summary>ABSA only: <c>none</c> (default: issuer names as written) | <c>issuers</c> (the scored issuer's and the other
    /// issuers' names replaced by reserved tokens; see <see cref="Sentiment.IssuerNameMask"/>).</summary>
    [JsonPropertyName("mention_masking")] public string? MentionMasking { get; init; }

    /// <summary>The parsed <see cref="MentionMasking"/> (the loader has checked it).</summary>
    [JsonIgnore]
    public Sentiment.MentionMasking Masking => MentionMasking == "issuers" ? Sentiment.MentionMasking.Issuers : Sentiment.MentionMasking.None;

    /// <summary>The parsed <see cref="AspectScope"/> (the loader has checked it).</summary>
    [JsonIgnore]
    public Sentiment.AspectScope Scope => AspectScope == "clauses" ? Sentiment.AspectScope.Clauses : Sentiment.AspectScope.Text;
}

public sealed record TensorSpec
{
    [JsonPropertyName("name")] public string? Name { get; init; }
    /// <summary>Dimensions: numbers, or names for dynamic ones ("batch", "sequence").</summary>
    [JsonPropertyName("shape")] public IReadOnlyList<System.Text.Json.JsonElement>? Shape { get; init; }
    /// <summary><c>int64</c> or <c>float32</c>.</summary>
    [JsonPropertyName("type")] public string? Type { get; init; }
}

public sealed record TokenizerSpec
{
    /// <summary>Only <c>wordpiece</c> (BERT) is supported.</summary>
    [JsonPropertyName("type")] public string? Type { get; init; }
    [JsonPropertyName("vocab_file")] public string? VocabFile { get; init; }
    [JsonPropertyName("lower_case")] public bool? LowerCase { get; init; }
    /// <summary>Defaults to <c>lower_case</c>, as in Hugging Face's BERT tokenizers.</summary>
    [JsonPropertyName("strip_accents")] public bool? StripAccents { get; init; }
    [JsonPropertyName("tokenize_chinese_chars")] public bool? TokenizeChineseChars { get; init; }
}

/// <summary>An MLP classifier head kept outside the graph: safetensors file with <c>{layer}.weight</c> [out, in]
/// and <c>{layer}.bias</c> [out] (PyTorch nn.Linear layout); the activation runs between layers.</summary>
public sealed record HeadSpec
{
    [JsonPropertyName("file")] public string? File { get; init; }
    [JsonPropertyName("sha256")] public string? Sha256 { get; init; }
    [JsonPropertyName("layers")] public IReadOnlyList<string>? Layers { get; init; }
    /// <summary><c>tanh</c>, <c>relu</c> or <c>gelu</c>.</summary>
    [JsonPropertyName("activation")] public string? Activation { get; init; }
}
