using StreamRisk.Nlp.Sentiment;

namespace StreamRisk.Nlp.Training.Training;

/// <summary>Everything that decides a training run; written into the model's training record.</summary>
public sealed record SentimentTrainingOptions
{
    public int Seed { get; init; } = 1;
    public int MaxEpochs { get; init; } = 15;
    /// <summary>Stop after this many epochs without a better validation macro-F1.</summary>
    public int Patience { get; init; } = 3;
    public int BatchSize { get; init; } = 64;
    public double LearningRate { get; init; } = 5e-3;
    public double WeightDecay { get; init; } = 1e-4;
    /// <summary>Constant, or cosine decay from <see cref="LearningRate"/> to 0 over <see cref="MaxEpochs"/>.</summary>
    [System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<LearningRateSchedule>))]
    public LearningRateSchedule LearningRateSchedule { get; init; } = LearningRateSchedule.Constant;
    /// <summary>Models trained first (seeds <see cref="Seed"/> + 1 …) whose averaged calibrated probabilities the model
    /// is also fitted to; 0: the labels alone.</summary>
    public int Teachers { get; init; }
    /// <summary>Networks served together (seeds <see cref="Seed"/>, <see cref="Seed"/> + 1 …, each with its own validation
    /// split and the vocabulary of its own training rows): the mean of their calibrated probabilities. 1: a single network.</summary>
    public int Members { get; init; } = 1;
    /// <summary>Share of the loss given to the teachers' probabilities (the rest to the labels), when there are teachers.</summary>
    public double DistillationWeight { get; init; } = 0.5;
    /// <summary>Share of the training rows held out (stratified by label) for early stopping and calibration.</summary>
    public double ValidationFraction { get; init; } = 0.1;
    /// <summary>Tokens per row, [CLS] and [SEP] included; longer texts are scored in windows around the mentions.</summary>
    public int MaxLength { get; init; } = 128;
    /// <summary>WordPiece tokens seen fewer times in the training rows share the [UNK] row.</summary>
    public int MinTokenCount { get; init; } = 2;
    /// <summary>Chance that a token is replaced by [UNK] during training (so unseen words are handled).</summary>
    public double TokenDropout { get; init; } = 0.1;
    public int EmbeddingSize { get; init; } = 64;
    public int Channels { get; init; } = 64;
    public int HiddenSize { get; init; } = 64;
    public double Dropout { get; init; } = 0.2;
    /// <summary>What the model reads for an issuer: the whole text, or the text cut to the issuer's clauses (written into
    /// the manifest, so serving cuts the same way).</summary>
    [System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<AspectScope>))]
    public AspectScope AspectScope { get; init; } = AspectScope.Text;
    /// <summary>Hide issuer names from the model (written into the manifest, so serving masks the same way).</summary>
    [System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<MentionMasking>))]
    public MentionMasking MentionMasking { get; init; } = MentionMasking.None;
    /// <summary>Give the model the word-list scorer's evidence about the issuer as two extra features (ONNX input
    /// <c>lexicon_evidence</c>, filled by the runner).</summary>
    public bool LexiconFeatures { get; init; }
    /// <summary>Torch intra-op threads (0: its default).</summary>
    public int Threads { get; init; } = 2;
}
